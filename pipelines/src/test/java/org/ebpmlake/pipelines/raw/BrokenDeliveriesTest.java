package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The corpus of deliberately broken deliveries under {@code broken/}: for each file (every source and
 * format, UTF-8 and CP932), how many records must be read, accepted and quarantined, and each quarantined
 * row's line, field and reason ({@code broken/reasons.csv}). Files read "by_line" go through the Spark path
 * large files take, with its documented limit on multi-line fields.
 */
@ExtendWith(LakeExtension.class)
class BrokenDeliveriesTest {
    private static final CSVFormat EXPECTATIONS = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).build();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/broken/counts.csv", numLinesToSkip = 1)
    void quarantinesEveryBrokenRowWithLineFieldAndReasonAndLosesNone(String caseName, String fileName, String dataset,
            String reading, long read, long accepted, long quarantined, TemporaryLake lake) throws IOException {
        lake.withTables();
        Path file = copyToDeliveries(lake, fileName);
        LakeSettings settings = lake.settings();
        if ("by_line".equals(reading)) {
            settings = settings.withOption("lake.ingest.whole-file-limit-bytes", "0");
        }

        IngestionResult result = new RawIngestion(lake.spark(), settings, DatasetCatalog.load(), Clock.systemUTC())
                .ingest(dataset, file);

        assertThat(List.of(result.rowsRead(), result.rowsAccepted(), result.rowsQuarantined()))
                .as("read, accepted, quarantined").containsExactly(read, accepted, quarantined);
        assertThat(lake.count("raw." + dataset)).isEqualTo(accepted);
        List<String> quarantinedRows = lake.spark().table(lake.table("ops.quarantine")).orderBy("line").collectAsList()
                .stream().map(BrokenDeliveriesTest::describe).toList();
        assertThat(quarantinedRows).containsExactlyElementsOf(expectedReasons(caseName));
        assertThat(lake.spark().table(lake.table("ops.quarantine")).collectAsList()).allSatisfy(row -> {
            assertThat(row.<String>getAs("source_file")).isEqualTo(fileName);
            assertThat(row.<String>getAs("dataset")).isEqualTo(dataset);
            assertThat(row.<String>getAs("batch_id")).isEqualTo(result.batchId());
        });
        assertThat(lake.spark().table(lake.table("raw." + dataset)).collectAsList()).allSatisfy(row -> {
            assertThat(row.<String>getAs("_source_file")).isEqualTo(fileName);
            assertThat(row.<Long>getAs("_line")).isPositive();
            assertThat(row.<String>getAs("_file_hash")).hasSize(64);
            assertThat(row.<Object>getAs("_ingested_at")).isNotNull();
        });
    }

    private static String describe(Row row) {
        String field = row.isNullAt(row.fieldIndex("field")) ? "" : row.getAs("field");
        return row.<Long>getAs("line") + " | " + field + " | " + row.getAs("reason");
    }

    private static List<String> expectedReasons(String caseName) throws IOException {
        try (InputStream in = BrokenDeliveriesTest.class.getResourceAsStream("/broken/reasons.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return EXPECTATIONS.parse(reader).getRecords().stream()
                    .filter(record -> record.get("case").equals(caseName))
                    .map(BrokenDeliveriesTest::describe)
                    .toList();
        }
    }

    private static String describe(CSVRecord expected) {
        return expected.get("line") + " | " + expected.get("field") + " | " + expected.get("reason");
    }

    private static Path copyToDeliveries(TemporaryLake lake, String fileName) throws IOException {
        Path target = lake.directory().resolve("deliveries").resolve(fileName);
        Files.createDirectories(target.getParent());
        try (InputStream in = BrokenDeliveriesTest.class.getResourceAsStream("/broken/" + fileName)) {
            Files.copy(in, target);
        }
        return target;
    }
}
