package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.schemas.ColumnType;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.PrivacyTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each tier's rules on planted tables: a policy claiming a tier it does not meet is refused with the rule it breaks. */
class TierRulesTest {
    private static final Path POLICIES = LakeExtension.repositoryRoot().resolve("conf/privacy");
    private final DatasetCatalog catalog = DatasetCatalog.load();
    private final TierRules rules = TierRules.of(catalog);
    private final PrivacyPolicy anonymised = PrivacyPolicy.load(POLICIES, "residents", catalog);
    private final PrivacyPolicy pseudonymised = PrivacyPolicy.load(POLICIES, "residents_internal", catalog);

    private static List<TierRules.PublishedColumn> residentsWith(TierRules.PublishedColumn planted) {
        List<TierRules.PublishedColumn> columns = new ArrayList<>(List.of(
                new TierRules.PublishedColumn("age_band", ColumnType.STRING, PrivacyClass.QUASI_IDENTIFIER),
                new TierRules.PublishedColumn("sex", ColumnType.STRING, PrivacyClass.QUASI_IDENTIFIER)));
        columns.add(planted);
        return columns;
    }

    @Test
    void theResidentsPoliciesMeetTheirTiers() {
        assertThat(anonymised.tier()).isEqualTo(PrivacyTier.ANONYMISED);
        assertThat(pseudonymised.tier()).isEqualTo(PrivacyTier.PSEUDONYMISED);
    }

    @Test
    void aPseudonymInAnAnonymisedTableBreaksRuleA2ButIsAllowedInAPseudonymisedOne() {
        TierRules.PublishedColumn pseudonym = new TierRules.PublishedColumn("resident_id_pseudonym", ColumnType.STRING,
                PrivacyClass.INSENSITIVE);

        assertThat(rules.violations(anonymised, residentsWith(pseudonym))).singleElement().asString()
                .contains("規則 A2").contains("resident_id_pseudonym is a linking code");
        assertThat(rules.violations(pseudonymised, residentsWith(pseudonym))).isEmpty();
    }

    @Test
    void aPseudonymTheLakeDoesNotMakeBreaksRuleP2() {
        assertThat(rules.violations(pseudonymised, residentsWith(new TierRules.PublishedColumn("phone_pseudonym",
                ColumnType.STRING, PrivacyClass.INSENSITIVE)))).singleElement().asString().contains("rule P2");
    }

    @Test
    void aNumericColumnWithoutTopCodingBreaksRuleA3() {
        assertThat(rules.violations(anonymised, residentsWith(new TierRules.PublishedColumn("household_size",
                ColumnType.INT, PrivacyClass.INSENSITIVE)))).singleElement().asString()
                .contains("規則 A3").contains("household_size is numeric, published as it is, and has no top_coding");
    }

    @Test
    void aMyNumberColumnBreaksRuleP1AndA1ButHoldingACardDoesNot() {
        TierRules.PublishedColumn myNumber = new TierRules.PublishedColumn("my_number", ColumnType.STRING,
                PrivacyClass.QUASI_IDENTIFIER);

        assertThat(rules.violations(pseudonymised, residentsWith(myNumber))).singleElement().asString().contains("rule P1");
        assertThat(rules.violations(anonymised, residentsWith(myNumber))).singleElement().asString().contains("rule A1");
        assertThat(rules.violations(anonymised, residentsWith(new TierRules.PublishedColumn("has_my_number_card",
                ColumnType.BOOLEAN, PrivacyClass.INSENSITIVE)))).isEmpty();
    }

    @Test
    void aBankAccountBreaksRuleP3() {
        assertThat(rules.violations(pseudonymised, residentsWith(new TierRules.PublishedColumn("bank_account_number",
                ColumnType.STRING, PrivacyClass.SENSITIVE)))).singleElement().asString().contains("rule P3");
    }

    @Test
    void aPolicyClaimingAnonymisedOverAPseudonymisedTableIsRefusedAtLoadWithTheRule(@TempDir Path directory) throws IOException {
        String internal = Files.readString(POLICIES.resolve("residents_internal.yaml"))
                .replace("tier: pseudonymised", "tier: anonymised\nstatement: {title: t, created_by: c}");
        Files.writeString(directory.resolve("claims_too_much.yaml"), internal);

        assertThatThrownBy(() -> PrivacyPolicy.load(directory, "claims_too_much", catalog))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("claims_too_much.yaml").hasMessageContaining("tier anonymised")
                .hasMessageContaining("規則 A2").hasMessageContaining("resident_id_pseudonym");
    }

    @Test
    void anAnonymisedPolicyWithoutItsStatementBreaksRuleA5(@TempDir Path directory) throws IOException {
        String residents = Files.readString(POLICIES.resolve("residents.yaml")).replaceAll("(?m)^statement:.*$", "");
        Files.writeString(directory.resolve("residents.yaml"), residents);

        assertThatThrownBy(() -> PrivacyPolicy.load(directory, "residents", catalog)).hasMessageContaining("規則 A5");
    }

    @Test
    void theStatementIsGeneratedFromThePolicyInJapaneseAndWrittenForItsOwnerOnly(@TempDir Path site) throws IOException {
        PublicStatement statement = PublicStatement.of(anonymised, catalog.table(anonymised.table()).dataset(),
                "{age_band=1, sex=0, ward_code=0, nationality_group=0}", LocalDate.of(2025, 3, 31));

        assertThat(statement.items()).contains("年齢階級（age_band）", "区の地方公共団体コード（ward_code）");
        assertThat(statement.processing()).anySatisfy(step -> assertThat(step).contains("k-匿名性").contains(" 5 件以上"))
                .anySatisfy(step -> assertThat(step).startsWith("準識別子 age_band：[5, 10, 20, 40] 刻みの区間"))
                .anySatisfy(step -> assertThat(step).contains("{age_band=1, sex=0, ward_code=0, nationality_group=0}"))
                .anySatisfy(step -> assertThat(step).contains("削除は全体の 5.0% 以内"));
        Path file = statement.writeMarkdown(PublicStatement.fileIn(site, anonymised.publishes()));
        assertThat(file.getFileName().toString()).isEqualTo("deid_residents.md");
        assertThat(Files.readString(file)).startsWith("# 匿名加工情報の作成に関する公表：住民基本台帳の年齢・性別・区・国籍区分")
                .contains("- 作成者：大阪市").contains("## 加工の方法");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> PublicStatement.of(pseudonymised, catalog.table(pseudonymised.table()).dataset(), "{}",
                LocalDate.of(2025, 3, 31))).hasMessageContaining("only anonymised data is published with a statement");
    }
}
