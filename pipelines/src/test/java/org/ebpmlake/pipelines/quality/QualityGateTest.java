package org.ebpmlake.pipelines.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.QualityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate on batches written straight into raw with SQL, bypassing ingest and its quarantine, so what is
 * tested is the gate itself.
 */
@ExtendWith(LakeExtension.class)
class QualityGateTest {
    private static final String GOOD_STUDENTS = "('S001', 'SCH1', 3, '1組', '1', 4), ('S002', 'SCH1', 3, '1組', '2', 11),"
            + " ('S003', 'SCH2', 8, '2組', '2', 7)";

    @Test
    void passesAGoodBatchWhichIsThenPromoted(TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students.csv", GOOD_STUDENTS);

        QualityVerdict verdict = gate(lake).check("students", "run-1");
        promotion(lake).promote("students");

        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.stageOutput().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(verdict.findings()).extracting(CheckFinding::checkName)
                .contains("complete(student_id)", "unique(student_id per batch)", "range(grade 1.0..9.0)",
                        "codes(sex in sex)", "reference(school_code -> schools)");
        assertThat(lake.count("curated.students")).isEqualTo(3);
        assertThat(lake.count("ops.quality_results")).isEqualTo(verdict.findings().size());
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                Arguments.of("a missing required value", "('S004', 'SCH1', NULL, '1組', '1', 5)", "complete(grade)", "Completeness 0.75"),
                Arguments.of("a duplicate key", "('S001', 'SCH2', 4, '1組', '1', 4)", "unique(student_id per batch)", "Uniqueness 0.5"),
                Arguments.of("an out-of-range value", "('S004', 'SCH1', 12, '1組', '1', 5)", "range(grade 1.0..9.0)", "Compliance 0.75"),
                Arguments.of("an unknown code", "('S004', 'SCH1', 2, '1組', '9', 5)", "codes(sex in sex)", "Compliance 0.75"),
                Arguments.of("a broken reference", "('S004', 'SCH9', 2, '1組', '1', 5)", "reference(school_code -> schools)",
                        "Compliance 0.75"));
    }

    @ParameterizedTest(name = "blocks a batch with {0}")
    @MethodSource("badBatches")
    void blocksABatchWithABadRowAndNamesTheCheckItFailed(String flaw, String badRow, String checkName, String reason,
            TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students.csv", GOOD_STUDENTS + ", " + badRow);

        assertBlockedBy(gate(lake).check("students", "run-1"), checkName, reason);
    }

    @Test
    void blocksADayWithUnderHalfThePingsOfThePreviousDay(TemporaryLake lake) {
        lake.withTables();
        insertPings(lake, 1, 10);
        QualityVerdict usual = gate(lake).check("gps_pings", "run-1");
        insertPings(lake, 2, 4);

        QualityVerdict collapsed = gate(lake).check("gps_pings", "run-2");

        assertThat(usual.blocked()).isFalse();
        assertBlockedBy(collapsed, "volume(batch rows >= 0.5 x previous)", "batch of 4 rows against 10");
    }

    @Test
    void recordsAWarningWithoutBlocking(TemporaryLake lake) {
        lake.withTables();
        insertPings(lake, 1, 10);
        lake.spark().sql("UPDATE " + lake.table("raw.gps_pings") + " SET accuracy_m = NULL");

        QualityVerdict verdict = gate(lake).check("gps_pings", "run-1");

        assertThat(verdict.blocked()).isFalse();
        assertThat(verdict.failures(QualityLevel.WARNING)).extracting(CheckFinding::checkName)
                .containsExactly("completeness(accuracy_m >= 0.5)");
        assertThat(verdict.stageOutput().message()).contains("warnings: completeness(accuracy_m >= 0.5)");
    }

    @Test
    void keepsTheMetricsHistoryOfEveryRun(TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students.csv", GOOD_STUDENTS);
        gate(lake).check("students", "run-1");
        gate(lake).check("students", "run-2");

        List<Row> sizes = lake.spark().sql("SELECT run_id, value FROM " + lake.table("ops.quality_metrics")
                + " WHERE dataset = 'students' AND metric = 'Size' ORDER BY run_id").collectAsList();
        long completeness = lake.spark().table(lake.table("ops.quality_metrics"))
                .where("metric = 'Completeness' AND instance = 'grade'").count();

        assertThat(sizes).extracting(row -> row.getString(0)).containsExactly("run-1", "run-2");
        assertThat(sizes).extracting(row -> row.getDouble(1)).containsOnly(3.0);
        assertThat(completeness).isEqualTo(2);
    }

    @Test
    void promotesABlockedDeliveryOnceItsCorrectedVersionArrives(TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students.csv", GOOD_STUDENTS + ", ('S004', 'SCH1', 12, '1組', '1', 5)");
        assertThat(gate(lake).check("students", "run-1").blocked()).isTrue();

        // A re-delivery of the same file replaces its predecessor's rows in raw, as ingest does.
        lake.spark().sql("DELETE FROM " + lake.table("raw.students") + " WHERE _source_file = 'students.csv'");
        insertStudents(lake, 2, "students.csv", GOOD_STUDENTS + ", ('S004', 'SCH1', 2, '1組', '1', 5)");
        QualityVerdict corrected = gate(lake).check("students", "run-2");
        promotion(lake).promote("students");

        assertThat(corrected.blocked()).isFalse();
        assertThat(lake.count("curated.students")).isEqualTo(4);
    }

    private static void assertBlockedBy(QualityVerdict verdict, String checkName, String reason) {
        assertThat(verdict.blocked()).isTrue();
        assertThat(verdict.failures(QualityLevel.ERROR)).extracting(CheckFinding::checkName).containsExactly(checkName);
        assertThat(verdict.stageOutput().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.stageOutput().message()).contains(checkName).contains(reason);
    }

    private static QualityGate gate(TemporaryLake lake) {
        return new QualityGate(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC());
    }

    private static CuratedPromotion promotion(TemporaryLake lake) {
        return new CuratedPromotion(lake.spark(), lake.settings(), DatasetCatalog.load(),
                new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef")));
    }

    private static void withSchools(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("curated.schools") + " VALUES"
                + " ('SCH1', '第一小学校', '27128', 'elementary', 'b0'), ('SCH2', '第一中学校', '27128', 'junior_high', 'b0')");
    }

    /** Rows {@code (student_id, school_code, grade, class_name, sex, birth_month)}, given lineage as batch {@code batch}. */
    private static void insertStudents(TemporaryLake lake, int batch, String file, String rows) {
        lake.spark().sql("INSERT INTO " + lake.table("raw.students") + " SELECT *, 'batch-" + batch + "', '" + file
                + "', 1, 'hash-" + batch + "', TIMESTAMP '2025-04-0" + batch + " 09:00:00' FROM VALUES " + rows);
    }

    private static void insertPings(TemporaryLake lake, int day, int pings) {
        List<String> rows = new ArrayList<>();
        for (int ping = 0; ping < pings; ping++) {
            rows.add(String.format("('device-%d', TIMESTAMP '2025-04-0%d 10:%02d:00', 34.69, 135.50, 15.0, 'batch-%d',"
                    + " 'gps_2025040%d.csv', %d, 'hash-%d', TIMESTAMP '2025-04-0%d 23:00:00')", ping, day, ping, day, day, ping, day, day));
        }
        lake.spark().sql("INSERT INTO " + lake.table("raw.gps_pings") + " VALUES " + String.join(", ", rows));
    }
}
