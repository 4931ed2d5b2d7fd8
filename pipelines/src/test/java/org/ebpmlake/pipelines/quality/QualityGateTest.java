package org.ebpmlake.pipelines.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.QualityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gate on delivered batches. Deliveries go through ingest where its quarantine matters; batches with flaws
 * ingest would have caught are written straight into raw with SQL, so what is tested is the gate itself.
 */
@ExtendWith(LakeExtension.class)
class QualityGateTest {
    private static final String SCHOOLS_HEADER = "school_code,school_name,ward_code,school_type\n";
    private static final String GOOD_STUDENTS = "('S001', 'SCH1', 3, '1組', '1', 4), ('S002', 'SCH1', 3, '1組', '2', 11),"
            + " ('S003', 'SCH2', 8, '2組', '2', 7)";

    @Test
    void passesAGoodBatchWhichPromotionThenTakesIntoCurated(TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students.csv", GOOD_STUDENTS);

        QualityVerdict verdict = gate(lake).check("students", "run-1");
        promotion(lake).promote("students");

        assertThat(verdict.checked()).singleElement().satisfies(batch -> assertThat(batch.blocked()).isFalse());
        assertThat(verdict.stageOutput().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(verdict.checked().get(0).findings()).extracting(CheckFinding::checkName)
                .contains("quarantined(share <= 0.01)", "complete(student_id)", "unique(student_id)", "range(grade 1.0..9.0)",
                        "codes(sex in sex)", "reference(school_code -> schools)");
        assertThat(lake.count("curated.students")).isEqualTo(3);
        assertThat(ledger(lake).batches("students")).singleElement()
                .satisfies(batch -> assertThat(batch.status()).isEqualTo(BatchStatus.PROMOTED));
        assertThat(lake.spark().table(lake.table("ops.quality_results")).where("dataset = 'students' AND batch_id IS NOT NULL").count())
                .isEqualTo(verdict.checked().get(0).findings().size());
    }

    @Test
    void blocksEachBatchWithABadRowAndSaysWhyInPlainJapanese(TemporaryLake lake) {
        withSchools(lake);
        List<List<String>> flaws = List.of(
                List.of("('S004', 'SCH1', NULL, '1組', '1', 5)", "complete(grade)", "必須項目 学年（grade） が空の行が 1 行あります"),
                List.of("('S001', 'SCH2', 4, '1組', '1', 4)", "unique(student_id)", "キー（student_id）が同じ行がこのバッチに 2 行あります"),
                List.of("('S004', 'SCH1', 12, '1組', '1', 5)", "range(grade 1.0..9.0)", "学年（grade） が 1〜9 の範囲外の行が 1 行あります"),
                List.of("('S004', 'SCH1', 2, '1組', '9', 5)", "codes(sex in sex)", "性別（sex） にコード表「sex」にない値の行が 1 行あります"),
                List.of("('S004', 'SCH9', 2, '1組', '1', 5)", "reference(school_code -> schools)",
                        "在籍校の学校コード（school_code） が schools（昇格済み）にない値を指す行が 1 行あります"));
        for (int batch = 0; batch < flaws.size(); batch++) {
            insertStudents(lake, batch + 1, "students_" + (batch + 1) + ".csv", GOOD_STUDENTS + ", " + flaws.get(batch).get(0));
        }

        QualityVerdict verdict = gate(lake).check("students", "run-1");

        assertThat(verdict.checked()).hasSize(flaws.size());
        for (int batch = 0; batch < flaws.size(); batch++) {
            List<String> flaw = flaws.get(batch);
            assertThat(verdict.checked().get(batch).failures(QualityLevel.ERROR)).as(flaw.get(1)).singleElement().satisfies(finding -> {
                assertThat(finding.checkName()).isEqualTo(flaw.get(1));
                assertThat(finding.explanation().ja()).isEqualTo(flaw.get(2));
            });
        }
        assertThat(verdict.stageOutput().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.stageOutput().message()).contains("students_3.csv").contains("range(grade 1.0..9.0)");
        assertThat(ledger(lake).batches("students")).hasSize(flaws.size())
                .allSatisfy(record -> assertThat(record.status()).isEqualTo(BatchStatus.BLOCKED));
        promotion(lake).promote("students");
        assertThat(lake.count("curated.students")).isZero();
    }

    @Test
    void blocksABatchWhoseQuarantinedShareExceedsTheToleranceAndSaysWhichFileAndWhy(TemporaryLake lake) throws IOException {
        lake.withTables();
        StringBuilder tolerable = new StringBuilder(SCHOOLS_HEADER);
        StringBuilder tooMany = new StringBuilder(SCHOOLS_HEADER);
        for (int school = 0; school < 200; school++) {
            tolerable.append(String.format("A%03d,第%d小学校,27128,elementary%n", school, school));
            tooMany.append(String.format("B%03d,第%d小学校,27128,elementary%n", school, school));
        }
        tolerable.append("A999,不明小学校,99999,elementary\n");
        tooMany.append("B998,不明小学校,99999,elementary\nB999,不明中学校,27128,high_school\nB997,,27128,elementary\n");
        ingest(lake, "schools", "schools_a.csv", tolerable.toString());
        ingest(lake, "schools", "schools_b.csv", tooMany.toString());

        QualityVerdict verdict = gate(lake).check("schools", "run-1");

        assertThat(verdict.checked()).hasSize(2);
        assertThat(verdict.checked().get(0).blocked()).as("1 of 201 rows quarantined is within 1 %").isFalse();
        BatchVerdict blocked = verdict.checked().get(1);
        assertThat(blocked.failures(QualityLevel.ERROR)).singleElement().satisfies(finding -> {
            assertThat(finding.checkName()).isEqualTo("quarantined(share <= 0.01)");
            assertThat(finding.explanation().ja()).startsWith("取込時に隔離された行が許容範囲を超えています：schools_b.csv の 203 行中 3 行（1.5%、許容 1.0%）");
            assertThat(finding.explanation().en()).contains("3 of 203 rows of schools_b.csv").contains("ward_code").contains("school_type");
        });
        assertThat(blocked.batch().rowsRead()).isEqualTo(203);
        assertThat(blocked.batch().rowsQuarantined()).isEqualTo(3);
    }

    @Test
    void aBlockedBatchIsNeverSweptIntoCuratedByALaterGoodOneUntilAStewardWaivesIt(TemporaryLake lake) throws IOException {
        lake.withTables();
        ingest(lake, "schools", "schools_1.csv", SCHOOLS_HEADER + "SCH1,第一小学校,27128,elementary\n");
        gate(lake).check("schools", "run-1");
        promotion(lake).promote("schools");
        insertSchools(lake, "schools_2.csv", "('SCH2', '第二小学校', '99999', 'elementary')");
        ingest(lake, "schools", "schools_3.csv", SCHOOLS_HEADER + "SCH3,第三小学校,27128,elementary\n");

        QualityVerdict second = gate(lake).check("schools", "run-2");
        promotion(lake).promote("schools");

        assertThat(second.checked()).extracting(BatchVerdict::blocked).containsExactly(true, false);
        assertThat(schoolCodes(lake)).containsExactlyInAnyOrder("SCH1", "SCH3");

        StewardDecisions steward = new StewardDecisions(ledger(lake), DatasetCatalog.load());
        BatchRecord waived = steward.waive(second.checked().get(0).batch().batchId(), "ward code 99999 is the new ward, confirmed");
        promotion(lake).promote("schools");
        assertThat(schoolCodes(lake)).containsExactlyInAnyOrder("SCH1", "SCH2", "SCH3");
        assertThat(waived.decidedBy()).isEqualTo(BatchLedger.osUser());
        assertThat(waived.reason()).isEqualTo("ward code 99999 is the new ward, confirmed");

        steward.withdraw(second.checked().get(1).batch().batchId(), "school 3 was delivered by mistake");
        promotion(lake).promote("schools");
        assertThat(schoolCodes(lake)).containsExactlyInAnyOrder("SCH1", "SCH2");
        assertThat(gate(lake).check("schools", "run-3").datasetBlocked()).isFalse();
    }

    @Test
    void aCorrectedDeliveryOfTheSameNameSupersedesTheBlockedOne(TemporaryLake lake) throws IOException {
        lake.withTables();
        ingest(lake, "schools", "schools.csv", SCHOOLS_HEADER + "SCH1,第一小学校,27128,elementary\nSCH2,,27128,elementary\n");
        QualityVerdict blocked = gate(lake).check("schools", "run-1");
        ingest(lake, "schools", "schools.csv", SCHOOLS_HEADER + "SCH1,第一小学校,27128,elementary\nSCH2,第二小学校,27128,elementary\n");

        QualityVerdict corrected = gate(lake).check("schools", "run-2");
        promotion(lake).promote("schools");

        assertThat(blocked.datasetBlocked()).isTrue();
        assertThat(corrected.datasetBlocked()).isFalse();
        assertThat(ledger(lake).find(blocked.checked().get(0).batch().batchId())).get().satisfies(old -> {
            assertThat(old.status()).isEqualTo(BatchStatus.SUPERSEDED);
            assertThat(old.supersededBy()).contains(corrected.checked().get(0).batch().batchId());
        });
        assertThat(schoolCodes(lake)).containsExactlyInAnyOrder("SCH1", "SCH2");
    }

    @Test
    void flagsATenfoldDeliveryAsWellAsANinetyPercentDropAgainstThePromotedBatchesOnly(TemporaryLake lake) {
        lake.withTables();
        QualityGate gate = gate(lake);
        insertPings(lake, 1, 20);
        QualityVerdict usual = gate.check("gps_pings", "run-1");
        insertPings(lake, 2, 200);
        QualityVerdict tenfold = gate.check("gps_pings", "run-2");
        insertPings(lake, 3, 2);
        QualityVerdict drop = gate.check("gps_pings", "run-3");
        insertPings(lake, 4, 25);
        QualityVerdict usualAgain = gate.check("gps_pings", "run-4");

        String volume = "volume(rows read within x3 of the previous promoted batch)";
        assertThat(usual.datasetBlocked()).isFalse();
        assertThat(tenfold.checked().get(0).failures(QualityLevel.ERROR)).extracting(CheckFinding::checkName).containsExactly(volume);
        assertThat(tenfold.checked().get(0).failures(QualityLevel.ERROR).get(0).explanation().ja())
                .isEqualTo("行数 200 は前回昇格したバッチ（20 行）の 10 倍です（許容 0.33〜3 倍）");
        // The blocked tenfold day is no yardstick: the drop is measured against day 1.
        assertThat(drop.checked().get(0).failures(QualityLevel.ERROR).get(0).explanation().en())
                .isEqualTo("2 rows is x0.1 the previous promoted batch (20 rows); allowed x0.33 to x3");
        assertThat(usualAgain.checked()).singleElement().satisfies(batch -> assertThat(batch.blocked()).isFalse());
        assertThat(usualAgain.blocked()).hasSize(2);
    }

    @Test
    void flagsADailySourceWithNothingNewForMoreThanTwoDays(TemporaryLake lake) {
        lake.withTables();
        insertPings(lake, 1, 10);
        // Ingested at 23:00 in Tokyo, the session's time zone.
        Instant delivered = Instant.parse("2025-04-01T14:00:00Z");

        CheckFinding fresh = gate(lake, Clock.fixed(delivered.plus(Duration.ofDays(2)), ZoneOffset.UTC))
                .check("gps_pings", "run-1").freshness().orElseThrow();
        CheckFinding stale = gate(lake, Clock.fixed(delivered.plus(Duration.ofDays(3)), ZoneOffset.UTC))
                .check("gps_pings", "run-2").freshness().orElseThrow();

        assertThat(fresh.passed()).isTrue();
        assertThat(stale.passed()).isFalse();
        assertThat(stale.level()).isEqualTo(QualityLevel.WARNING);
        assertThat(stale.explanation().ja()).startsWith("毎日届くはずのデータが 3 日間届いていません");
    }

    @Test
    void keepsEveryBatchsMetricsInDeequsRepositoryAndTheTotalsOfThePromotedBatchesFromTheirStates(TemporaryLake lake) {
        withSchools(lake);
        insertStudents(lake, 1, "students_1.csv", GOOD_STUDENTS);
        insertStudents(lake, 2, "students_2.csv", "('S004', 'SCH1', 2, '1組', '1', 5), ('S005', 'SCH2', 9, '3組', '2', 6)");
        gate(lake).check("students", "run-1");

        IcebergMetricsRepository repository = new IcebergMetricsRepository(lake.spark(), lake.settings(), Clock.systemUTC());
        List<Double> rowsRead = repository.load()
                .withTagValues(scala.collection.JavaConverters.mapAsScalaMap(Map.of("dataset", "students")).toMap(scala.Predef.$conforms()))
                .forAnalyzers(scala.collection.JavaConverters.asScalaBuffer(List.<com.amazon.deequ.analyzers.Analyzer<?, com.amazon.deequ.metrics.Metric<?>>>of(VolumeAnomaly.ROWS_READ)).toSeq())
                .getSuccessMetricsAsDataFrame(lake.spark(), scala.collection.immutable.List$.MODULE$.empty())
                .orderBy("value").collectAsList().stream().map(row -> row.<Double>getAs("value")).toList();
        Row totals = lake.spark().sql("SELECT value FROM " + lake.table("ops.quality_metrics")
                + " WHERE dataset = 'students' AND batch_id IS NULL AND metric = 'Size'").first();

        assertThat(rowsRead).containsExactly(2.0, 3.0);
        assertThat(totals.<Double>getAs("value")).isEqualTo(5.0);
        assertThat(Files.isDirectory(lake.settings().warehouse().resolve("quality-states").resolve("students"))).isTrue();
    }

    private static QualityGate gate(TemporaryLake lake) {
        return gate(lake, Clock.systemUTC());
    }

    private static QualityGate gate(TemporaryLake lake, Clock clock) {
        return new QualityGate(lake.spark(), lake.settings(), DatasetCatalog.load(), clock,
                new BatchLedger(lake.spark(), lake.settings(), clock, BatchLedger.osUser()));
    }

    private static BatchLedger ledger(TemporaryLake lake) {
        return new BatchLedger(lake.spark(), lake.settings(), Clock.systemUTC(), BatchLedger.osUser());
    }

    private static CuratedPromotion promotion(TemporaryLake lake) {
        return new CuratedPromotion(lake.spark(), lake.settings(), DatasetCatalog.load(),
                new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef")));
    }

    private static void ingest(TemporaryLake lake, String dataset, String name, String content) throws IOException {
        Path file = lake.directory().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest(dataset, file);
    }

    private static List<String> schoolCodes(TemporaryLake lake) {
        return lake.spark().table(lake.table("curated.schools")).select("school_code").collectAsList().stream()
                .map(row -> row.getString(0)).toList();
    }

    /** Two schools promoted through the gate, the reference students' school codes are checked against. */
    private static void withSchools(TemporaryLake lake) {
        lake.withTables();
        insertSchools(lake, "schools.csv", "('SCH1', '第一小学校', '27128', 'elementary'), ('SCH2', '第一中学校', '27128', 'junior_high')");
        gate(lake).check("schools", "run-0");
        promotion(lake).promote("schools");
    }

    private static void insertSchools(TemporaryLake lake, String file, String rows) {
        lake.spark().sql("INSERT INTO " + lake.table("raw.schools") + " SELECT *, 'schools-" + file + "', '" + file
                + "', 1, 'hash-" + file + "', current_timestamp() FROM VALUES " + rows);
    }

    /** Rows {@code (student_id, school_code, grade, class_name, sex, birth_month)}, given lineage as batch {@code batch}. */
    private static void insertStudents(TemporaryLake lake, int batch, String file, String rows) {
        lake.spark().sql("INSERT INTO " + lake.table("raw.students") + " SELECT *, 'students-" + batch + "', '" + file
                + "', 1, 'hash-" + batch + "', TIMESTAMP '2025-04-0" + batch + " 09:00:00' FROM VALUES " + rows);
    }

    private static void insertPings(TemporaryLake lake, int day, int pings) {
        List<String> rows = new ArrayList<>();
        for (int ping = 0; ping < pings; ping++) {
            rows.add(String.format("('device-%d', TIMESTAMP '2025-04-0%d 10:00:00' + make_interval(0, 0, 0, 0, 0, 0, %d),"
                    + " 34.69, 135.50, 15.0, 'gps_pings-%d', 'gps_2025040%d.csv', %d, 'hash-%d', TIMESTAMP '2025-04-0%d 23:00:00')",
                    ping, day, ping, day, day, ping, day, day));
        }
        lake.spark().sql("INSERT INTO " + lake.table("raw.gps_pings") + " VALUES " + String.join(", ", rows));
    }
}
