package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code deliveries/}: per source dataset, deliveries as departments really send them, read by
 * real Spark. A messy but valid delivery must be read whole, each value as a careful steward reads it
 * ({@code expected/}); a broken one must quarantine each bad row with its line, field and reason
 * ({@code reasons.csv}), or be refused whole naming the line. Every file read is checked for conservation: rows
 * read = accepted + quarantined, and every physical line of the file (counted here, independently) is in the
 * header, blank, or in exactly one row.
 */
@ExtendWith(LakeExtension.class)
class DeliveryCorpusTest {
    private static final CSVFormat MANIFEST = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).get();
    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    /** One line of {@code cases.csv}. */
    record DeliveryCase(String file, String dataset, LocalDate asOf, String outcome, long read, long accepted, long quarantined) {
        @Override
        public String toString() {
            return file + " (" + dataset + "): " + outcome;
        }
    }

    static Stream<Arguments> cases() {
        return manifest("cases.csv").stream().map(record -> Arguments.of(new DeliveryCase(record.get("file"),
                record.get("dataset"), LocalDate.parse(record.get("as_of")), record.get("outcome"), number(record.get("read")),
                number(record.get("accepted")), number(record.get("quarantined")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsEachDeliveryAsAStewardWouldAndAccountsForEveryLine(DeliveryCase delivery, TemporaryLake lake) {
        Path file = DeliveryFiles.put(delivery.file(), lake.directory().resolve("deliveries"), lake.spark());
        DatasetDeclaration dataset = CATALOG.source(delivery.dataset());
        PlausibleDates plausible = new PlausibleDates(delivery.asOf(), Instant.now());
        DeliveryParse parse = new DeliveryParse(lake.spark());

        if (delivery.outcome().startsWith("refused at line ")) {
            assertThatThrownBy(() -> parse.parse(dataset, file, delivery.file(), plausible).close())
                    .isInstanceOf(LakeException.class)
                    .satisfies(error -> assertThat(((LakeException) error).category()).isEqualTo(ErrorCategory.INVALID_FILE))
                    .hasMessageContaining(delivery.file() + " line " + delivery.outcome().substring("refused at line ".length()) + ":")
                    .satisfies(error -> assertThat(error.getMessage()).as("one line for a person").doesNotContain("\n"));
            return;
        }
        try (ParsedDelivery parsed = parse.parse(dataset, file, delivery.file(), plausible)) {
            assertThat(List.of(parsed.read(), parsed.accepted(), parsed.quarantined())).as("read, accepted, quarantined")
                    .containsExactly(delivery.read(), delivery.accepted(), delivery.quarantined());
            assertThat(parsed.lines().lines()).as("physical lines of the file").isEqualTo(physicalLines(file, lake));
            List<Row> accepted = parsed.acceptedRows().orderBy(RowParser.LINE).collectAsList();
            List<Row> quarantined = parsed.quarantinedRows().orderBy(RowParser.LINE).collectAsList();
            List<Long> lines = Stream.concat(accepted.stream(), quarantined.stream()).map(row -> row.<Long>getAs(RowParser.LINE)).toList();
            assertThat(lines).as("each row's line").hasSize((int) parsed.read()).doesNotHaveDuplicates()
                    .allSatisfy(line -> assertThat(line).isGreaterThan(parsed.lines().headerLines()));
            assertThat(quarantined.stream().map(DeliveryCorpusTest::describe).toList()).as("quarantined rows")
                    .containsExactlyElementsOf(expectedReasons(delivery.file()));
            assertThat(quarantined).allSatisfy(row -> assertThat(row.<String>getAs(RowParser.RAW_RECORD)).isNotBlank());
            expectedValues(delivery).ifPresent(expected -> assertThat(accepted.stream()
                    .map(row -> values(row, dataset)).toList()).as("accepted values").containsExactlyElementsOf(expected));
        }
    }

    @Test
    void readsQuotedLineBreaksWhereverTheParallelSplitsOfTheFileFall(TemporaryLake lake) throws IOException {
        StringBuilder text = new StringBuilder("指標ID,年度,実績値,報告所属\n");
        for (int year = 1001; year <= 2000; year++) {
            text.append("K01-01-1,").append(year).append(",").append(year % 97).append(",\"市民局\n（区政課）\"\n");
        }
        Path file = lake.directory().resolve("kpi_every_row_on_two_lines.csv");
        Files.writeString(file, text.toString());

        try (ParsedDelivery parsed = new DeliveryParse(lake.spark()).parse(CATALOG.source("kpi_actuals_reported"), file,
                "kpi_every_row_on_two_lines.csv", new PlausibleDates(LocalDate.of(2025, 3, 31), Instant.now()))) {
            assertThat(parsed.read()).isEqualTo(1000);
            assertThat(parsed.accepted()).isEqualTo(1000);
            assertThat(parsed.lines()).isEqualTo(new LineAccount(2001, 1, 0, 2000));
            assertThat(parsed.acceptedRows().collectAsList()).allSatisfy(row -> {
                assertThat(row.<String>getAs("reported_by")).isEqualTo("市民局\n（区政課）");
                assertThat(row.<Long>getAs(RowParser.LINE) % 2).isZero();
            });
        }
    }

    private static String describe(Row row) {
        String field = row.isNullAt(row.fieldIndex(RowParser.FIELD)) ? "" : row.getAs(RowParser.FIELD);
        return row.<Long>getAs(RowParser.LINE) + " | " + field + " | " + row.getAs(RowParser.REASON);
    }

    private static List<String> expectedReasons(String file) {
        return manifest("reasons.csv").stream().filter(record -> record.get("file").equals(file))
                .map(record -> record.get("line") + " | " + record.get("field") + " | " + record.get("reason")).toList();
    }

    /**
     * Each accepted row as its line and every declared column's value written canonically (empty for none), from
     * {@code expected/<file name without extension>.csv}. Every delivery read without a quarantined row has one.
     */
    private static Optional<List<List<String>>> expectedValues(DeliveryCase delivery) {
        String name = delivery.file().substring(0, delivery.file().lastIndexOf('.')) + ".csv";
        if (DeliveryCorpusTest.class.getResource("/deliveries/expected/" + name) == null) {
            assertThat(delivery.quarantined()).as("a clean delivery without expected/" + name).isPositive();
            return Optional.empty();
        }
        return Optional.of(manifest("expected/" + name).stream().map(CSVRecord::toList).toList());
    }

    private static List<String> values(Row row, DatasetDeclaration dataset) {
        List<String> values = new ArrayList<>();
        values.add(Long.toString(row.<Long>getAs(RowParser.LINE)));
        for (ColumnDeclaration column : dataset.columns()) {
            Object value = row.getAs(column.name());
            values.add(canonical(value));
        }
        return values;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return value.toString();
    }

    /** The file's physical lines, counted here: LF, CR LF and a lone CR end a line; sheet rows; Parquet rows. */
    private static long physicalLines(Path file, TemporaryLake lake) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".xlsx")) {
                try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
                    return workbook.getSheetAt(0).getLastRowNum() + 1L;
                }
            }
            if (name.endsWith(".parquet")) {
                return lake.spark().read().parquet(file.toUri().toString()).count();
            }
            byte[] bytes = Files.readAllBytes(file);
            long lines = 0;
            for (int index = 0; index < bytes.length; index++) {
                if (bytes[index] == '\n' || (bytes[index] == '\r' && (index + 1 == bytes.length || bytes[index + 1] != '\n'))) {
                    lines++;
                }
            }
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n' && bytes[bytes.length - 1] != '\r') {
                lines++;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> manifest(String name) {
        try (InputStream in = DeliveryCorpusTest.class.getResourceAsStream("/deliveries/" + name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return MANIFEST.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(String text) {
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }
}
