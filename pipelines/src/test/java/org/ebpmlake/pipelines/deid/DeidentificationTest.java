package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.quality.QualityGate;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class DeidentificationTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    private static final String RESIDENT_CLASSES = "SELECT age_band, sex, ward_code, nationality_group, has_my_number_card,"
            + " count(*) AS records FROM %s GROUP BY ALL ORDER BY ALL";
    private final PrivacyPolicy policy = PrivacyPolicy.load(LakeExtension.repositoryRoot().resolve("conf/privacy"), "residents");

    @Test
    void publishesTheEnginesOptimumOnlyWhenTheIndependentCheckPassesAndReportsIt(TemporaryLake lake) {
        curatedResidents(lake, 3000);

        new Deidentification(lake.spark(), lake.settings(), policy, AS_OF, Clock.systemUTC()).publish("run-test");

        List<Row> classes = lake.spark().sql("SELECT count(*) AS size FROM " + lake.table("deid.residents")
                + " GROUP BY age_band, sex, ward_code, nationality_group").collectAsList();
        assertThat(classes).isNotEmpty().allSatisfy(row -> assertThat(row.getLong(0)).isGreaterThanOrEqualTo(policy.kAnonymity()));
        Row report = lake.spark().table(lake.table("ops.privacy_reports")).first();
        assertThat(report.<Boolean>getAs("verified")).isTrue();
        assertThat(report.<Long>getAs("rows_in")).isEqualTo(3000L);
        assertThat(report.<Long>getAs("rows_out") + report.<Long>getAs("suppressed_rows")).isEqualTo(3000L);
        assertThat(report.<Long>getAs("suppressed_rows")).isLessThanOrEqualTo((long) Math.floor(3000 * policy.suppressionLimit()));
        assertThat(report.<Long>getAs("smallest_class")).isGreaterThanOrEqualTo(policy.kAnonymity());
        assertThat(report.<String>getAs("transformation")).contains("age_band=").contains("ward_code=");
        assertThat(report.<Double>getAs("highest_prosecutor_risk")).isLessThanOrEqualTo(1.0 / policy.kAnonymity());
        assertThat(report.<Long>getAs("nodes_checked")).isPositive();
        assertThat(report.<String>getAs("engine")).startsWith("memory (auto:");
        // The tier travels with the table and the report, and the anonymised table's statement is written.
        assertThat(report.<String>getAs("tier")).isEqualTo("anonymised");
        assertThat(lake.spark().sql("SHOW TBLPROPERTIES " + lake.table("deid.residents") + " ('ebpm.tier')").first().getString(1))
                .isEqualTo("anonymised");
        assertThat(PublicStatement.fileIn(lake.settings().siteDirectory(), "deid.residents")).exists();
        assertThat(report.<Long>getAs("population_size")).isEqualTo(3000L);
        long published = report.<Long>getAs("rows_out");
        long classCount = report.<Long>getAs("equivalence_classes");
        assertThat(report.<Double>getAs("average_class_size")).isCloseTo((double) published / classCount, within(1e-9));
        assertThat(report.<Double>getAs("marketer_risk")).isCloseTo((double) classCount / published, within(1e-9));
        // The registry is the whole population and suppression removes whole classes, so every released class holds
        // all of its population: the journalist knows what the prosecutor knows, and uniques are counted.
        assertThat(report.<String>getAs("population_model")).isEqualTo("COUNTED");
        assertThat(report.<Double>getAs("highest_journalist_risk")).isEqualTo(report.<Double>getAs("highest_prosecutor_risk"));
        assertThat(report.<Double>getAs("discernibility")).isGreaterThanOrEqualTo(
                (double) report.<Long>getAs("suppressed_rows") * 3000 + (double) published * published / classCount);
        assertThat(lake.count("deid.residents")).isEqualTo(report.<Long>getAs("rows_out"));
    }

    /**
     * The Spark engine, forced or chosen by itself when the rows would not fit the memory budget, publishes
     * exactly what the in-memory engine publishes: same transformation, same suppressed records, same rows.
     */
    @Test
    void theSparkEngineTakesOverWhenTheRowsWouldNotFitAndPublishesWhatTheInMemoryEngineDoes(TemporaryLake lake) {
        curatedResidents(lake, 3000);
        PrivacyPolicy strict = policy.withKAnonymity(10, 0.02);

        StageOutput inMemory = publish(lake, lake.settings().withOption("lake.anonymize.engine", "memory"), strict, "run-memory");
        List<Row> memoryRows = lake.spark().sql(String.format(RESIDENT_CLASSES, lake.table("deid.residents"))).collectAsList();
        // A budget of nothing cannot hold the collected rows, so auto hands the table to Spark.
        StageOutput automatic = publish(lake, lake.settings().withOption("lake.anonymize.engine", "auto")
                .withOption("lake.anonymize.memory-budget-mb", "0"), strict, "run-auto");
        List<Row> sparkRows = lake.spark().sql(String.format(RESIDENT_CLASSES, lake.table("deid.residents"))).collectAsList();

        assertThat(inMemory.message()).endsWith("engine memory");
        assertThat(automatic.message()).endsWith("engine spark");
        assertThat(sparkRows).isEqualTo(memoryRows);
        List<Row> reports = lake.spark().sql("SELECT run_id, transformation, suppressed_rows, equivalence_classes, smallest_class,"
                + " information_loss, verified, engine FROM " + lake.table("ops.privacy_reports") + " ORDER BY run_id").collectAsList();
        assertThat(reports).hasSize(2);
        Row auto = reports.get(0);
        Row memory = reports.get(1);
        assertThat(auto.getString(7)).startsWith("spark (auto:").contains("too little for memory");
        assertThat(memory.getString(7)).startsWith("memory (lake.anonymize.engine=memory");
        // The loss too, to the last bit: the engines' sums are exact whatever order the rows come in.
        for (int column = 1; column <= 6; column++) {
            assertThat(auto.get(column)).as(reports.get(0).schema().fields()[column].name()).isEqualTo(memory.get(column));
        }
    }

    @Test
    void refusesToPublishWhenKCannotBeMetWithinTheSuppressionLimit(TemporaryLake lake) {
        curatedResidents(lake, 60);
        PrivacyPolicy impossible = policy.withKAnonymity(100, 0.0);

        for (String engine : List.of("memory", "spark")) {
            assertThatThrownBy(() -> publish(lake, lake.settings().withOption("lake.anonymize.engine", engine), impossible, "run-test"))
                    .isInstanceOf(PrivacyModelViolationException.class)
                    .hasMessageContaining("not published");
        }

        assertThat(lake.count("deid.residents")).isZero();
        assertThat(lake.spark().table(lake.table("ops.privacy_reports")).collectAsList())
                .hasSize(2).allSatisfy(report -> assertThat(report.<Boolean>getAs("verified")).isFalse());
    }

    @Test
    void aSourceWithoutAQuasiIdentifierValueIsAClearErrorAndPublishesNothing(TemporaryLake lake) {
        curatedResidents(lake, 100);
        PrivacyPolicy withGaps = policy.withSource(
                policy.source().replace("sex,", "CASE WHEN sex = '1' THEN NULL ELSE sex END AS sex,"));

        assertThatThrownBy(() -> publish(lake, lake.settings(), withGaps, "run-test"))
                .hasMessageContaining("conf/privacy/residents.yaml").hasMessageContaining("without sex");
        assertThat(lake.count("deid.residents")).isZero();
    }

    @Test
    void aLakeWithNothingDeliveredYetPublishesNothingAndSucceeds(TemporaryLake lake) {
        lake.withTables();

        StageOutput output = publish(lake, lake.settings(), policy, "run-first");

        assertThat(output.outcome()).isEqualTo(org.ebpmlake.pipelines.ops.Outcome.SUCCEEDED);
        assertThat(output.message()).contains("nothing to publish yet");
        assertThat(lake.count("deid.residents")).isZero();
    }

    @Test
    void aPolicyNamesExactlyOneHierarchyFormPerQuasiIdentifier() {
        assertThatThrownBy(() -> new PrivacyPolicy.HierarchySpecification(Optional.empty(), true, true, false, Optional.empty(),
                Optional.empty())).hasMessageContaining("exactly one of interval, masking, suppress_only, keep, groups or file");
        assertThat(policy.quasiIdentifiers()).containsOnlyKeys("age_band", "sex", "ward_code", "nationality_group");
        assertThat(policy.quasiIdentifiers().get("age_band").interval()).isPresent();
    }

    private static StageOutput publish(TemporaryLake lake, LakeSettings settings, PrivacyPolicy policy, String runId) {
        return new Deidentification(lake.spark(), settings, policy, AS_OF, Clock.systemUTC()).publish(runId);
    }

    private static void curatedResidents(TemporaryLake lake, int residents) {
        lake.withTables();
        Path sources = lake.settings().sourcesDirectory();
        SourceFile file = new SampleSources(11, Scale.TINY, AS_OF).writeResidentsTo(sources, residents);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest(file.dataset(), file.path());
        // Promotion takes only what the quality gate admitted.
        new QualityGate(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).check(file.dataset(), "run-test");
        new CuratedPromotion(lake.spark(), lake.settings(), DatasetCatalog.load(),
                new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef"))).promote("residents");
    }
}
