package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads CSV deliveries (RFC 4180, UTF-8 or CP932) of any size in parallel, with quoted fields that span lines.
 *
 * <p>The top of the file is read on the driver with Commons CSV to find the header ({@link HeaderLocator}); the
 * rest is split into physical lines by Spark, in parallel, and each line read on its own. A line with no quote
 * character has no CSV syntax but the comma, so it is split at commas directly: building a Commons CSV parser
 * for each of ten million lines (each allocates a 16 KB buffer) was a quarter of ingest time. A line with quotes
 * is read by Commons CSV. A line whose quoted field is still open at its end either continues on the next lines
 * (a cell with a line break, as Excel writes them) or has broken quoting: it is handed on, and
 * {@link QuotedRecords} reads the file from there on the driver, sequentially, as one record. So every physical
 * line ends up in exactly one record, or the whole file is refused naming the line where its quoting breaks.
 */
final class CsvReader implements DeliveryReader {
    /** RFC 4180; empty lines come through as records, so every physical line is counted. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    /** Records read from the top while looking for the header, blank ones included. */
    private static final int TOP_RECORDS = 200;

    private final SparkSession spark;
    private final DatasetDeclaration dataset;

    CsvReader(SparkSession spark, DatasetDeclaration dataset) {
        this.spark = requireNonNull(spark, "spark is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
    }

    @Override
    public DeliveryRecords read(Path file, String fileName) {
        TextLines lines = new TextLines(spark);
        Charset charset = lines.detectCharset(file, fileName);
        Top top = top(file, charset);
        HeaderLayout layout;
        try {
            layout = new HeaderLocator(dataset).locate(fileName, top.rows(), List.of());
        } catch (LakeException noHeader) {
            if (top.quotingBreaksAt().isPresent()) {
                throw QuotedRecords.brokenQuoting(fileName, top.quotingBreaksAt().get());
            }
            throw noHeader;
        }
        JavaRDD<DeliveryRecord> records = lines.read(file, charset, layout.headerLines()).map(CsvReader::record);
        QuotedRecords quoted = new QuotedRecords(file, fileName, charset, layout.width());
        return new DeliveryRecords(records, layout, charset.name(), Optional.of(quoted));
    }

    /** The first records of the file, and the line where a quote broke them if one did. */
    private record Top(List<SheetRow> rows, Optional<Long> quotingBreaksAt) {
    }

    private static Top top(Path file, Charset charset) {
        List<SheetRow> rows = new ArrayList<>();
        long previousEnd = 0;
        try (InputStream in = Files.newInputStream(file); Reader reader = withoutByteOrderMark(in, charset);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (rows.size() < TOP_RECORDS) {
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException broken) {
                    return new Top(rows, Optional.of(previousEnd + 1));
                }
                long line = previousEnd + 1;
                previousEnd = line + QuotedRecords.lineBreaks(record.values());
                rows.add(new SheetRow(line, previousEnd, record.toList()));
            }
            return new Top(rows, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
    }

    /** The text of a stream, past a UTF-8 byte order mark if it starts with one. */
    static Reader withoutByteOrderMark(InputStream in, Charset charset) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        if (!DeliveredText.hasUtf8Bom(buffered.readNBytes(3))) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, charset);
    }

    private static DeliveryRecord record(TextLines.NumberedLine line) {
        if (!line.decodable()) {
            return DeliveryRecord.unreadable(line.line(), line.text(), "the line is not valid text in the file's encoding");
        }
        String text = line.text();
        if (text.isBlank()) {
            return DeliveryRecord.blank(line.line());
        }
        String[] fields;
        if (text.indexOf('"') < 0) {
            fields = splitAtCommas(text);
        } else {
            try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
                List<CSVRecord> parsed = parser.getRecords();
                fields = parsed.get(0).values();
            } catch (IOException | UncheckedIOException quoteOpenAtEnd) {
                return DeliveryRecord.quoteOpenAtLineEnd(line.line(), line.byteOffset(), text);
            }
        }
        for (String field : fields) {
            if (!field.isBlank()) {
                return DeliveryRecord.of(line.line(), fields, text);
            }
        }
        // Only separators: a spreadsheet's empty row.
        return DeliveryRecord.blank(line.line());
    }

    private static String[] splitAtCommas(String text) {
        int count = 1;
        for (int index = text.indexOf(','); index >= 0; index = text.indexOf(',', index + 1)) {
            count++;
        }
        String[] fields = new String[count];
        int start = 0;
        for (int field = 0; field < count - 1; field++) {
            int comma = text.indexOf(',', start);
            fields[field] = text.substring(start, comma);
            start = comma + 1;
        }
        fields[count - 1] = text.substring(start);
        return fields;
    }
}
