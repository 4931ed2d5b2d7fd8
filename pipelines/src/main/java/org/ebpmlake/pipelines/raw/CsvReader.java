package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads CSV deliveries (RFC 4180, UTF-8 or CP932). A file up to {@code wholeFileLimitBytes} is decoded and
 * split on the driver, so quoted fields may span lines. A larger file is read by Spark in parallel, line by
 * line: there a quoted field cannot contain a line break, and a line with an unclosed quote is quarantined
 * as broken quoting. Government extracts of that size (registry, GPS) have no multi-line fields.
 */
final class CsvReader implements DeliveryReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

    private final SparkSession spark;
    private final DatasetDeclaration dataset;
    private final long wholeFileLimitBytes;

    CsvReader(SparkSession spark, DatasetDeclaration dataset, long wholeFileLimitBytes) {
        this.spark = requireNonNull(spark, "spark is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.wholeFileLimitBytes = wholeFileLimitBytes;
    }

    @Override
    public DeliveryRecords read(Path file, String fileName) {
        try {
            if (Files.size(file) <= wholeFileLimitBytes) {
                DeliveredText text = DeliveredText.decode(fileName, Files.readAllBytes(file));
                return readWhole(fileName, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
        return readByLine(file, fileName);
    }

    private DeliveryRecords readWhole(String fileName, DeliveredText text) {
        List<DeliveryRecord> records = new ArrayList<>();
        int[] columnOfField;
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), FORMAT)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw new IllegalArgumentException(fileName + ": the file is empty (no header line)");
            }
            columnOfField = HeaderMapping.columnOfField(dataset, fileName, iterator.next().toList());
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException broken) {
                    // Broken quoting makes the rest of the file unreadable as CSV: the remainder is one rejected row.
                    records.add(DeliveryRecord.unreadable(previousEnd + 1, "",
                            "broken quoting: the rest of the file cannot be read as CSV"));
                    break;
                }
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                records.add(DeliveryRecord.of(line, record.values(), String.join(",", record.values())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot read as CSV", e);
        }
        JavaRDD<DeliveryRecord> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(records, 1);
        return new DeliveryRecords(rdd, columnOfField, text.charset().name());
    }

    private DeliveryRecords readByLine(Path file, String fileName) {
        TextLines lines = new TextLines(spark);
        Charset charset = lines.detectCharset(file, fileName);
        List<String> header = headerLine(file, fileName, charset);
        int[] columnOfField = HeaderMapping.columnOfField(dataset, fileName, header);
        JavaRDD<DeliveryRecord> records = lines.read(file, charset)
                .filter(line -> line.line() > 1 && !line.text().isBlank())
                .map(CsvReader::record);
        return new DeliveryRecords(records, columnOfField, charset.name());
    }

    private static DeliveryRecord record(TextLines.NumberedLine line) {
        if (!line.decodable()) {
            return DeliveryRecord.unreadable(line.line(), line.text(), "the line is not valid text in the file's encoding");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(line.text()), FORMAT)) {
            List<CSVRecord> parsed = parser.getRecords();
            return DeliveryRecord.of(line.line(), parsed.get(0).values(), line.text());
        } catch (IOException | UncheckedIOException e) {
            return DeliveryRecord.unreadable(line.line(), line.text(),
                    "broken quoting: a quote is not closed on its line (large files cannot have multi-line fields)");
        }
    }

    private static List<String> headerLine(Path file, String fileName, Charset charset) {
        try (var reader = Files.newBufferedReader(file, charset)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IllegalArgumentException(fileName + ": the file is empty (no header line)");
            }
            try (CSVParser parser = CSVParser.parse(new StringReader(first), FORMAT)) {
                return parser.getRecords().get(0).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + file, e);
        }
    }
}
