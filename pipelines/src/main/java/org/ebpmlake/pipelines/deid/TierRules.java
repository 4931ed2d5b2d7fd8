package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.ColumnType;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.DirectIdentifierTreatment;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.ZoneTable;
import org.ebpmlake.schemas.ZoneTableLayout;

/**
 * The rules a policy must meet for the tier it claims, checked when the policy is loaded against the columns of
 * the deid table it publishes. A policy that breaks one is refused with the rule's number and wording, so the
 * steward knows what to change; nothing is published under it.
 *
 * <p>Column names are the lake's own conventions: keyed pseudonyms end in {@code _pseudonym} (made at promotion
 * with the key from the environment, never stored beside the data), and 個人識別符号 and financial values are
 * recognised by the names the lake's declarations give them. Both are deliberately strict: a false refusal costs
 * a rename, a missed one a breach.
 */
public final class TierRules {
    /** 個人識別符号 (APPI art. 2(2)): My Number and the like, by the names declarations give them. */
    private static final Pattern PERSONAL_IDENTIFICATION_CODE = Pattern.compile(
            "(.*_)?(my_?number|individual_number|kojin_bango|passport(_number)?|drivers?_licen[cs]e(_number)?"
                    + "|health_insurance_(number|card_number)|pension_number|basic_pension_number|residence_card_number)");
    /** Values whose misuse could cause financial harm (規則31条): accounts and cards. */
    private static final Pattern FINANCIAL = Pattern.compile(
            "(.*_)?(bank_account(_number)?|account_number|credit_card(_number)?|card_number|cvv|pin(_code)?)");

    /** One rule of a tier, numbered as README and the refusal name it. */
    public enum Rule {
        P1("直接識別子・個人識別符号を削除する", "no direct identifier or 個人識別符号 (My Number and the like)"),
        P2("連結符号は鍵付き仮名（鍵は別に保管）に置き換える", "linking keys only as the lake's keyed pseudonyms, the key held apart"),
        P3("財産的被害のおそれのある記述を削除する", "no value whose misuse could cause financial harm"),
        A1("直接識別子・個人識別符号を削除する", "no direct identifier or 個人識別符号 (My Number and the like)"),
        A2("連結符号（仮名を含む）を含めない", "no linking code at all, pseudonyms included"),
        A3("特異な記述を削除する：数値の列ごとにトップ・ボトムコーディングを宣言する",
                "特異な記述 removed: top/bottom coding declared for every numeric column that is not generalized"),
        A4("財産的被害のおそれのある記述を削除する", "no value whose misuse could cause financial harm"),
        A5("作成時の公表事項（表題・作成者）を宣言する", "the statement published on creation is declared (title, created_by)");

        private final String ja;
        private final String en;

        Rule(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        public String ja() {
            return ja;
        }

        public String en() {
            return en;
        }
    }

    /** A column of the published table as the rules see it. */
    public record PublishedColumn(String name, ColumnType type, PrivacyClass privacy) {
        public PublishedColumn {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(privacy, "privacy is null");
        }
    }

    private final DatasetCatalog catalog;
    private final Set<String> directIdentifiers;
    private final Set<String> keyedPseudonyms;

    private TierRules(DatasetCatalog catalog, Set<String> directIdentifiers, Set<String> keyedPseudonyms) {
        this.catalog = catalog;
        this.directIdentifiers = Set.copyOf(directIdentifiers);
        this.keyedPseudonyms = Set.copyOf(keyedPseudonyms);
    }

    /** The rules with the direct identifiers and keyed pseudonyms the declarations define. */
    public static TierRules of(DatasetCatalog catalog) {
        requireNonNull(catalog, "catalog is null");
        Set<String> direct = new HashSet<>();
        Set<String> pseudonyms = new HashSet<>();
        for (DatasetDeclaration dataset : catalog.datasets()) {
            for (ColumnDeclaration column : dataset.columnsOfClass(PrivacyClass.DIRECT_IDENTIFIER)) {
                direct.add(column.name());
                if (column.treatment().filter(DirectIdentifierTreatment.PSEUDONYMIZE::equals).isPresent()) {
                    pseudonyms.add(column.name() + ZoneTableLayout.PSEUDONYM_SUFFIX);
                }
            }
        }
        return new TierRules(catalog, direct, pseudonyms);
    }

    /** Refuses the policy, naming the first rule it breaks, unless it meets every rule of its tier. */
    public void check(PrivacyPolicy policy, Path file) {
        requireNonNull(policy, "policy is null");
        ZoneTable table = catalog.find(policy.table()).orElseThrow(() -> refusal(file, policy, "the published table "
                + policy.publishes() + " is not declared in schemas/src/main/resources/datasets / 公開先の表が宣言されていません"));
        List<PublishedColumn> columns = new ArrayList<>();
        for (ColumnDeclaration column : table.dataset().columns()) {
            columns.add(new PublishedColumn(column.name(), column.type(), column.privacy()));
        }
        List<String> broken = violations(policy, columns);
        if (!broken.isEmpty()) {
            throw refusal(file, policy, broken.get(0));
        }
    }

    /** Every rule of the policy's tier the published columns break, worded for the refusal; empty when none. */
    public List<String> violations(PrivacyPolicy policy, List<PublishedColumn> columns) {
        List<String> broken = new ArrayList<>();
        boolean anonymised = policy.tier() == PrivacyTier.ANONYMISED;
        for (PublishedColumn column : columns) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (column.privacy() == PrivacyClass.DIRECT_IDENTIFIER || directIdentifiers.contains(name)
                    || PERSONAL_IDENTIFICATION_CODE.matcher(name).matches()) {
                broken.add(describe(anonymised ? Rule.A1 : Rule.P1, column.name()
                        + " is a direct identifier or 個人識別符号"));
            }
            if (FINANCIAL.matcher(name).matches()) {
                broken.add(describe(anonymised ? Rule.A4 : Rule.P3, column.name() + " could cause financial harm"));
            }
            boolean pseudonym = name.endsWith(ZoneTableLayout.PSEUDONYM_SUFFIX);
            if (pseudonym && anonymised) {
                broken.add(describe(Rule.A2, column.name() + " is a linking code (a pseudonym)"));
            }
            if (pseudonym && !anonymised && !keyedPseudonyms.contains(name)) {
                broken.add(describe(Rule.P2, column.name() + " is not a keyed pseudonym the lake makes from a declared"
                        + " identifier"));
            }
            boolean generalized = policy.quasiIdentifiers().containsKey(column.name());
            if (anonymised && column.type().isNumeric() && !generalized && !policy.topCoding().containsKey(column.name())) {
                broken.add(describe(Rule.A3, column.name() + " is numeric, published as it is, and has no top_coding"));
            }
        }
        if (anonymised && policy.statement().isEmpty()) {
            broken.add(describe(Rule.A5, "the policy has no statement: {title, created_by}"));
        }
        for (String column : policy.topCoding().keySet()) {
            if (columns.stream().noneMatch(published -> published.name().equals(column) && published.type().isNumeric())) {
                broken.add("top_coding names " + column + ", which is not a numeric column of " + policy.publishes());
            }
        }
        return List.copyOf(broken);
    }

    private static String describe(Rule rule, String what) {
        return "規則 " + rule.name() + "「" + rule.ja() + "」に反します（" + what + "） / breaks rule " + rule.name() + ": "
                + rule.en() + " (" + what + ")";
    }

    private static LakeException refusal(Path file, PrivacyPolicy policy, String reason) {
        return new LakeException(ErrorCategory.INVALID_FILE, file + ": tier " + policy.tier().code() + "（"
                + policy.tier().labelJa() + "）として読み込めません / refused as tier " + policy.tier().code() + ": " + reason
                + "; 方針を直してください / fix the policy");
    }
}
