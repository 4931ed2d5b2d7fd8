package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(LakeExtension.class)
class RawIngestionTest {
    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String HEADER = "指標ID,年度,実績値,報告所属\n";
    private static final String VISITS = "visit_id,student_id,visited_at,complaint,minutes_stayed,sent_home,備考\n";

    @Test
    void ingestsACp932DeliveryWithLineageAndQuarantinesTheBadRow(TemporaryLake lake) throws IOException {
        Path file = write(lake, "kpi_2024.csv", HEADER + "K01-01-1,令和5年度,\"１，２００\",市民局\nK01-01-1,令和6年度,未集計,市民局\n");

        IngestionResult result = ingestion(lake).ingest("kpi_actuals_reported", file);

        assertThat(result.charset()).isEqualTo("windows-31j");
        assertThat(result.conservation()).isEqualTo("kpi_2024.csv (windows-31j): read 2 = accepted 1 + quarantined 1");
        assertThat(result.lines()).isEqualTo(new LineAccount(3, 1, 0, 2));
        Row row = lake.spark().table(lake.table("raw.kpi_actuals_reported")).first();
        assertThat(row.<Double>getAs("actual_value")).isEqualTo(1200.0);
        assertThat(row.<Integer>getAs("fiscal_year")).isEqualTo(2023);
        assertThat(row.<String>getAs("_source_file")).isEqualTo("kpi_2024.csv");
        assertThat(row.<Long>getAs("_line")).isEqualTo(2L);
        assertThat(row.<String>getAs("_batch_id")).isEqualTo(result.batchId());
        Row quarantined = lake.spark().table(lake.table("raw.quarantine")).first();
        assertThat(quarantined.<String>getAs("dataset")).isEqualTo("kpi_actuals_reported");
        assertThat(quarantined.<String>getAs("batch_id")).isEqualTo(result.batchId());
        assertThat(quarantined.<String>getAs("source_file")).isEqualTo("kpi_2024.csv");
        assertThat(quarantined.<Long>getAs("line")).isEqualTo(3L);
        assertThat(quarantined.<String>getAs("field")).isEqualTo("actual_value");
        assertThat(quarantined.<String>getAs("reason")).isEqualTo("実績値: not a number");
        assertThat(quarantined.<String>getAs("raw_record")).contains("未集計");
    }

    @Test
    void aDeliveryPastedInTwiceHasEveryCopyOfEveryKeyQuarantined(TemporaryLake lake) throws IOException {
        // More repeated keys than are listed in a filter (1,000): the repeats are joined instead.
        StringBuilder visits = new StringBuilder();
        for (int visit = 1; visit <= 1_200; visit++) {
            visits.append("V").append(visit).append(",S").append(visit).append(",2025-03-31 09:00,fever,5,○,\n");
        }
        Path file = write(lake, "visits_twice.csv", VISITS + visits + visits);

        IngestionResult result = ingestion(lake).ingest("nurse_visits", file, LocalDate.of(2025, 3, 31));

        assertThat(result.conservation()).endsWith("read 2,400 = accepted 0 + quarantined 2,400");
        assertThat(lake.spark().table(lake.table("raw.quarantine")).where("reason = 'duplicate key in this delivery'").count())
                .isEqualTo(2_400);
        assertThat(lake.spark().table(lake.table("raw.quarantine")).where("line = 1202").first().<String>getAs("raw_record"))
                .startsWith("V1,S1,");
    }

    @Test
    void quarantinesEveryCopyOfADuplicatedKeyAndRecordsWarningsOnTheBatch(TemporaryLake lake) throws IOException {
        Path file = write(lake, "visits.csv", VISITS
                + "V1,S1,2025-03-31 09:00,headache,10,×,\n"
                + "V2,S2,2025-03-31 09:10,fever,abc,○,\n"
                + "V3,S3,2025-03-31 09:20,fever,5,○,\n"
                + "V3,S5,2025-03-31 09:25,fever,6,○,\n"
                + "V4,@S4,2025-03-31 09:30,injury,,,\n");
        Set<Integer> keptBefore = Set.copyOf(JavaSparkContext.fromSparkContext(lake.spark().sparkContext()).getPersistentRDDs().keySet());

        IngestionResult result = ingestion(lake).ingest("nurse_visits", file, LocalDate.of(2025, 3, 31));

        // The parsed rows kept on the executors for the passes over them are let go when the batch is done.
        assertThat(JavaSparkContext.fromSparkContext(lake.spark().sparkContext()).getPersistentRDDs().keySet()).isEqualTo(keptBefore);

        assertThat(result.conservation()).endsWith("read 5 = accepted 2 + quarantined 3");
        assertThat(lake.spark().table(lake.table("raw.quarantine")).orderBy("line").collectAsList())
                .extracting(row -> row.getAs("line") + " " + row.getAs("field") + " " + row.getAs("reason"))
                .containsExactly("3 minutes_stayed minutes_stayed: not a whole number", "4 visit_id duplicate key in this delivery",
                        "5 visit_id duplicate key in this delivery");
        assertThat(lake.spark().table(lake.table("raw.nurse_visits")).where("visit_id = 'V4'").first().<String>getAs("student_id"))
                .isEqualTo("'@S4");
        assertThat(lake.spark().table(lake.table("ops.ingest_warnings")).orderBy("warning").collectAsList())
                .extracting(row -> row.getAs("line") + " " + row.getAs("field") + " " + row.getAs("warning"))
                .containsExactly("1 備考 extra_column", "6 student_id formula_like_cell");
        assertThat(result.warnings()).hasSize(2).anySatisfy(warning -> assertThat(warning).contains("extra column '備考'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a good and a bad row | K01-01-1,令和5年度,1200,市民局\\nK01-01-1,令和6年度,x,市民局 | 1",
        "only a bad row       | K01-01-1,令和6年度,未集計,市民局                          | 0"})
    void theSameFileTwiceAddsNothing(String description, String rows, long rawRows, TemporaryLake lake) throws IOException {
        Path file = write(lake, "kpi.csv", HEADER + rows.replace("\\n", "\n") + "\n");
        RawIngestion ingestion = ingestion(lake);
        ingestion.ingest("kpi_actuals_reported", file);

        IngestionResult second = ingestion.ingest("kpi_actuals_reported", file);

        assertThat(second.alreadyIngested()).isTrue();
        assertThat(lake.count("raw.kpi_actuals_reported")).isEqualTo(rawRows);
        assertThat(lake.count("raw.quarantine")).isEqualTo(1);
    }

    @Test
    void aDeliveryOfOnlyAHeaderSaysItHoldsNoRowsAndTwiceAddsNothing(TemporaryLake lake) throws IOException {
        Path file = write(lake, "kpi_nothing_to_report.csv", HEADER);
        RawIngestion ingestion = ingestion(lake);

        IngestionResult first = ingestion.ingest("kpi_actuals_reported", file);
        IngestionResult second = ingestion.ingest("kpi_actuals_reported", file);

        assertThat(first.rowsRead()).isZero();
        assertThat(first.warnings()).singleElement().asString().contains("no rows");
        assertThat(second.alreadyIngested()).isTrue();
        assertThat(lake.spark().table(lake.table("ops.ingest_warnings")).where("warning = 'no_rows'").count()).isEqualTo(1);
    }

    @Test
    void aCorrectedRedeliveryReplacesItsPredecessorsRowsQuarantineAndWarningsInOneRawCommit(TemporaryLake lake) throws IOException {
        RawIngestion ingestion = ingestion(lake);
        ingestion.ingest("kpi_actuals_reported", write(lake, "kpi.csv", "指標ID,年度,実績値,報告所属,備考\n"
                + "K01-01-1,令和5年度,1200,市民局,\nK01-01-1,令和6年度,未集計,市民局,\nK01-04-1,令和6年度,7,市民局,\n"));
        long snapshotsBefore = snapshots(lake);

        ingestion.ingest("kpi_actuals_reported", write(lake, "kpi.csv", HEADER + "K01-01-1,令和5年度,1250,市民局\n"));

        List<Row> rows = lake.spark().table(lake.table("raw.kpi_actuals_reported")).collectAsList();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.<Double>getAs("actual_value")).isEqualTo(1250.0));
        assertThat(snapshots(lake)).isEqualTo(snapshotsBefore + 1);
        assertThat(lake.count("raw.quarantine")).isZero();
        assertThat(lake.count("ops.ingest_warnings")).isZero();
    }

    @Test
    void aFileWhoseQuotingBreaksIsRefusedWholeNamingTheLineAndLeavesTheLakeAsItWas(TemporaryLake lake) throws IOException {
        RawIngestion ingestion = ingestion(lake);
        ingestion.ingest("kpi_actuals_reported", write(lake, "kpi.csv", HEADER + "K01-01-1,令和5年度,1200,市民局\n"));
        long snapshotsBefore = snapshots(lake);

        assertThatThrownBy(() -> ingestion.ingest("kpi_actuals_reported", write(lake, "kpi.csv",
                HEADER + "K01-01-1,令和6年度,1300,市民局\nK01-04-1,令和6年度,\"7,市民局\nK01-07-1,令和6年度,9,市民局\n")))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("kpi.csv 3 行目")
                .hasMessageContaining("kpi.csv line 3: a quote (\") opened on this line is not closed");

        assertThat(snapshots(lake)).isEqualTo(snapshotsBefore);
        assertThat(lake.count("raw.kpi_actuals_reported")).isEqualTo(1);
        assertThat(lake.count("raw.quarantine")).isZero();
    }

    @Test
    void aFailedRawCommitLeavesNoRowOfTheBatchBehindAndTheFileCanBeIngestedAgain(TemporaryLake lake) throws IOException {
        lake.withTables();
        ingestion(lake).ingest("kpi_actuals_reported", write(lake, "kpi_earlier.csv", HEADER + "K01-07-1,令和5年度,x,市民局\n"));
        Path file = write(lake, "kpi.csv", "指標ID,年度,実績値,報告所属,備考\nK01-01-1,令和5年度,1200,市民局,\n"
                + "K01-01-1,令和6年度,未集計,市民局,\nK01-04-1,令和5年度,7,市民局,\n");
        RawBatchCommit failsMidWrite = (table, fileName, rows) -> new MergeOrAppendCommit(lake.spark())
                .commit(table, fileName, rows.repartition(2).mapPartitions(new FailingOnSecondPartition(), rows.encoder()));
        long snapshotsBefore = snapshots(lake);

        assertThatThrownBy(() -> new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC(),
                failsMidWrite).ingest("kpi_actuals_reported", file)).hasStackTraceContaining("injected failure");

        assertThat(snapshots(lake)).isEqualTo(snapshotsBefore);
        assertThat(lake.count("raw.kpi_actuals_reported")).isZero();
        assertThat(lake.spark().table(lake.table("raw.quarantine")).collectAsList())
                .extracting(row -> row.<String>getAs("source_file")).containsExactly("kpi_earlier.csv");
        assertThat(lake.count("ops.ingest_warnings")).isZero();
        IngestionResult retried = ingestion(lake).ingest("kpi_actuals_reported", file);
        assertThat(retried.alreadyIngested()).isFalse();
        assertThat(lake.count("raw.kpi_actuals_reported")).isEqualTo(2);
        assertThat(lake.count("raw.quarantine")).isEqualTo(2);
        assertThat(lake.count("ops.ingest_warnings")).isEqualTo(1);
    }

    @Test
    void aFileQuarantinedForOneDatasetIsNotTakenAsIngestedForAnother(TemporaryLake lake) throws IOException {
        Path file = lake.directory().resolve("deliveries").resolve("export.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json\n");
        RawIngestion ingestion = ingestion(lake);
        ingestion.ingest("learning_logs", file);

        IngestionResult other = ingestion.ingest("subway_exit_counts", lake.directory().resolve("deliveries").resolve("export.jsonl"));

        assertThat(other.alreadyIngested()).isFalse();
        assertThat(other.rowsQuarantined()).isEqualTo(1);
        assertThat(lake.count("raw.quarantine")).isEqualTo(2);
    }

    @Test
    void ingestsEveryDeliveryOfAFolderInNameOrderEachAsItsOwnBatch(TemporaryLake lake) throws IOException {
        write(lake, "kpi_b.csv", HEADER + "K01-01-1,令和6年度,1300,市民局\n");
        write(lake, "kpi_a.csv", HEADER + "K01-01-1,令和5年度,1200,市民局\n");
        Files.writeString(lake.directory().resolve("deliveries").resolve("readme.md"), "not a delivery");

        List<IngestionResult> results = ingestion(lake).ingestAll("kpi_actuals_reported", lake.directory().resolve("deliveries"));

        assertThat(results).extracting(IngestionResult::sourceFile).containsExactly("kpi_a.csv", "kpi_b.csv");
        assertThat(results).extracting(IngestionResult::batchId).doesNotHaveDuplicates();
        assertThat(lake.count("raw.kpi_actuals_reported")).isEqualTo(2);
    }

    @Test
    void refusesADatasetThatTakesNoDeliveriesListingTheOnesThatDo(TemporaryLake lake) throws IOException {
        Path file = write(lake, "kpi.csv", HEADER);

        assertThatThrownBy(() -> ingestion(lake).ingest("kpi_catalog", file))
                .isInstanceOf(LakeException.class)
                .satisfies(error -> assertThat(((LakeException) error).category()).isEqualTo(ErrorCategory.UNKNOWN_NAME))
                .hasMessageContaining("give one of: residents, schools, students, test_scores, learning_logs")
                .hasMessageNotContaining("quarantine")
                .hasMessageNotContaining("footfall_hourly");
    }

    /** Lets the first partition through and fails the second, so the write dies half done. */
    private static final class FailingOnSecondPartition implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            if (TaskContext.getPartitionId() == 1) {
                throw new IllegalStateException("injected failure while writing the batch");
            }
            return rows;
        }
    }

    private static RawIngestion ingestion(TemporaryLake lake) {
        lake.withTables();
        return new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC());
    }

    private static long snapshots(TemporaryLake lake) {
        return lake.spark().table(lake.table("raw.kpi_actuals_reported.snapshots")).count();
    }

    private static Path write(TemporaryLake lake, String name, String content) throws IOException {
        Path file = lake.directory().resolve("deliveries").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(name.startsWith("visits") ? StandardCharsets.UTF_8 : CP932));
        return file;
    }
}
