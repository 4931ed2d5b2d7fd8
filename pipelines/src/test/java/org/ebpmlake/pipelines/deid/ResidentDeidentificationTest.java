package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class ResidentDeidentificationTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    private final PrivacyPolicy policy = PrivacyPolicy.load(LakeExtension.repositoryRoot().resolve("conf/privacy"), "residents");

    @Test
    void publishesTheEnginesOptimumOnlyWhenTheIndependentCheckPassesAndReportsIt(TemporaryLake lake) {
        curatedResidents(lake, 3000);

        new ResidentDeidentification(lake.spark(), lake.settings(), policy, AS_OF, Clock.systemUTC()).publish("run-test");

        List<Row> classes = lake.spark().sql("SELECT count(*) AS size FROM " + lake.table("deid.residents")
                + " GROUP BY age_band, sex, ward_code, nationality_group").collectAsList();
        assertThat(classes).isNotEmpty().allSatisfy(row -> assertThat(row.getLong(0)).isGreaterThanOrEqualTo(policy.kAnonymity()));
        Row report = lake.spark().table(lake.table("ops.privacy_reports")).first();
        assertThat(report.<Boolean>getAs("verified")).isTrue();
        assertThat(report.<Long>getAs("rows_in")).isEqualTo(3000L);
        assertThat(report.<Long>getAs("rows_out") + report.<Long>getAs("suppressed_rows")).isEqualTo(3000L);
        assertThat(report.<Long>getAs("suppressed_rows")).isLessThanOrEqualTo((long) Math.floor(3000 * policy.suppressionLimit()));
        assertThat(report.<Long>getAs("smallest_class")).isGreaterThanOrEqualTo(policy.kAnonymity());
        assertThat(report.<String>getAs("transformation")).contains("age=").contains("ward_code=");
        assertThat(report.<Double>getAs("highest_prosecutor_risk")).isLessThanOrEqualTo(1.0 / policy.kAnonymity());
        assertThat(report.<Long>getAs("nodes_checked")).isPositive();
        assertThat(lake.count("deid.residents")).isEqualTo(report.<Long>getAs("rows_out"));
    }

    @Test
    void refusesToPublishWhenKCannotBeMetWithinTheSuppressionLimit(TemporaryLake lake) {
        curatedResidents(lake, 60);
        PrivacyPolicy impossible = new PrivacyPolicy("residents", "deid.residents", 100, 0.0, 0.2, policy.quasiIdentifiers());

        assertThatThrownBy(() -> new ResidentDeidentification(lake.spark(), lake.settings(), impossible, AS_OF,
                Clock.systemUTC()).publish("run-test"))
                .isInstanceOf(PrivacyModelViolationException.class)
                .hasMessageContaining("not published");

        assertThat(lake.count("deid.residents")).isZero();
        Row report = lake.spark().table(lake.table("ops.privacy_reports")).first();
        assertThat(report.<Boolean>getAs("verified")).isFalse();
    }

    @Test
    void aPolicyNamesExactlyOneHierarchyFormPerQuasiIdentifier() {
        assertThatThrownBy(() -> new PrivacyPolicy.HierarchySpecification(Optional.empty(), true, true))
                .hasMessageContaining("exactly one of interval, masking or suppress_only");
        assertThat(policy.quasiIdentifiers()).containsOnlyKeys("age", "sex", "ward_code", "nationality_group");
        assertThat(Map.copyOf(policy.quasiIdentifiers()).get("age").interval()).isPresent();
    }

    private static void curatedResidents(TemporaryLake lake, int residents) {
        lake.withTables();
        Path sources = lake.settings().sourcesDirectory();
        SourceFile file = new SampleSources(11, Scale.TINY, AS_OF).writeResidentsTo(sources, residents);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest(file.dataset(), file.path());
        new CuratedPromotion(lake.spark(), lake.settings(), DatasetCatalog.load(),
                new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef"))).promote("residents");
    }
}
