package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Types;
import org.ebpmlake.anonymize.GroundDistance;
import org.ebpmlake.anonymize.TCloseness;
import org.ebpmlake.anonymize.hierarchy.HierarchyCsv;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policies in conf/privacy against the dataset declarations: every personal dataset has one, and each fits its table. */
class PrivacyPoliciesTest {
    private final List<PrivacyPolicy> policies = PrivacyPolicy.loadAll(LakeExtension.repositoryRoot().resolve("conf/privacy"));
    private final DatasetCatalog catalog = DatasetCatalog.load();

    @Test
    void everyDatasetWithADirectIdentifierHasAPolicyOrIsPublishedOnlyAsAggregates() {
        Set<String> withPolicy = policies.stream().map(PrivacyPolicy::dataset).collect(Collectors.toSet());
        // Source datasets; ops.quarantine keeps rejected raw rows for stewards and is never published.
        List<String> personal = catalog.datasets().stream()
                .filter(dataset -> dataset.isSource())
                .filter(dataset -> dataset.columns().stream().anyMatch(column -> column.privacy() == PrivacyClass.DIRECT_IDENTIFIER))
                .map(DatasetDeclaration::name).toList();
        // GPS pings are published only as mesh × hour counts by the footfall mart, under its own threshold.
        assertThat(personal).contains("residents", "students", "gps_pings");
        assertThat(withPolicy).containsAll(personal.stream().filter(name -> !name.equals("gps_pings")).toList());
    }

    @Test
    void everyPolicyPublishesADeclaredDeidTableHoldingItsQuasiIdentifiersAndSensitiveColumns() {
        assertThat(policies).hasSizeGreaterThanOrEqualTo(9);
        for (PrivacyPolicy policy : policies) {
            ZoneTable table = catalog.find(policy.table()).orElseThrow(() -> new AssertionError(policy.publishes() + " is not declared"));
            Set<String> columns = table.schema().columns().stream().map(Types.NestedField::name).collect(Collectors.toSet());
            assertThat(columns).as(policy.publishes()).containsAll(policy.specification(query -> List.of()).engineColumns());
            assertThat(policy.sourceSql("lake", java.time.LocalDate.of(2025, 3, 31))).contains("lake.curated.").doesNotContain("${");
            assertThat(policy.kAnonymity()).isGreaterThanOrEqualTo(5);
        }
    }

    /** A steward's ARX hierarchy files serve a policy unchanged, for quasi-identifiers and for t-closeness's distance. */
    @Test
    void arxHierarchyFilesServeAsQuasiIdentifierHierarchiesAndAsTheGroundDistanceOfTClosenessRelativeToThePolicy(
            @TempDir Path directory) throws IOException {
        Path adult = LakeExtension.repositoryRoot().resolve("anonymize/src/test/resources/adult");
        Files.writeString(directory.resolve("adult.yaml"), String.join("\n",
                "dataset: adult",
                "publishes: deid.residents",
                "tier: pseudonymised",
                "source: SELECT * FROM ${curated}.adult",
                "k_anonymity: 5",
                "t_closeness: {column: education, t: 0.3, hierarchy_file: hierarchies/adult_hierarchy_education.csv}",
                "suppression_limit: 0.02",
                "risk_threshold: 0.2",
                "quasi_identifiers:",
                "  age: {file: hierarchies/adult_hierarchy_age.csv}",
                "  sex: {file: hierarchies/adult_hierarchy_sex.csv}", ""));
        Files.createDirectories(directory.resolve("hierarchies"));
        for (String column : List.of("age", "sex", "education")) {
            Files.copy(adult.resolve("adult_hierarchy_" + column + ".csv"), directory.resolve("hierarchies/adult_hierarchy_" + column + ".csv"));
        }

        PrivacyPolicy policy = PrivacyPolicy.load(directory, "adult");

        List<QuasiIdentifier> quasiIdentifiers = policy.quasiIdentifiers(column -> List.of(), query -> List.of());
        assertThat(quasiIdentifiers).extracting(QuasiIdentifier::column).containsExactly("age", "sex");
        assertThat(quasiIdentifiers.get(0).hierarchy()).isEqualTo(HierarchyCsv.read(adult.resolve("adult_hierarchy_age.csv")));
        assertThat(policy.models()).hasSize(2).last().isEqualTo(new TCloseness("education", 0.3,
                new GroundDistance.Hierarchical(HierarchyCsv.read(adult.resolve("adult_hierarchy_education.csv")))));
        assertThat(policy.parametersJson()).contains("\"ground_distance\":\"hierarchical\"");
        assertThat(policy.modelName()).isEqualTo("k-anonymity + t-closeness");
    }
}
