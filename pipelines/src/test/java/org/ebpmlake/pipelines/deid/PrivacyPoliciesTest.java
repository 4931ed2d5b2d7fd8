package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Types;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;
import org.junit.jupiter.api.Test;

/** The policies in conf/privacy against the dataset declarations: every personal dataset has one, and each fits its table. */
class PrivacyPoliciesTest {
    private final List<PrivacyPolicy> policies = PrivacyPolicy.loadAll(LakeExtension.repositoryRoot().resolve("conf/privacy"));
    private final DatasetCatalog catalog = DatasetCatalog.load();

    @Test
    void everyDatasetWithADirectIdentifierHasAPolicyOrIsPublishedOnlyAsAggregates() {
        Set<String> withPolicy = policies.stream().map(PrivacyPolicy::dataset).collect(Collectors.toSet());
        // Source datasets; ops.quarantine keeps rejected raw rows for stewards and is never published.
        List<String> personal = catalog.datasets().stream()
                .filter(dataset -> dataset.zones().contains(Zone.RAW))
                .filter(dataset -> dataset.columns().stream().anyMatch(column -> column.privacy() == PrivacyClass.DIRECT_IDENTIFIER))
                .map(DatasetDeclaration::name).toList();
        // GPS pings are published only as mesh × hour counts by the footfall mart, under its own threshold.
        assertThat(personal).contains("residents", "students", "gps_pings");
        assertThat(withPolicy).containsAll(personal.stream().filter(name -> !name.equals("gps_pings")).toList());
    }

    @Test
    void everyPolicyPublishesADeclaredDeidTableHoldingItsQuasiIdentifiersAndSensitiveColumns() {
        assertThat(policies).hasSizeGreaterThanOrEqualTo(8);
        for (PrivacyPolicy policy : policies) {
            ZoneTable table = catalog.find(policy.table()).orElseThrow(() -> new AssertionError(policy.publishes() + " is not declared"));
            Set<String> columns = table.schema().columns().stream().map(Types.NestedField::name).collect(Collectors.toSet());
            assertThat(columns).as(policy.publishes()).containsAll(policy.quasiIdentifiers().keySet()).containsAll(policy.sensitiveColumns());
            assertThat(policy.sourceSql("lake", java.time.LocalDate.of(2025, 3, 31))).contains("lake.curated.").doesNotContain("${");
            assertThat(policy.kAnonymity()).isGreaterThanOrEqualTo(5);
        }
    }
}
