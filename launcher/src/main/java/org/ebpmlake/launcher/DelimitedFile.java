package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.pipelines.raw.DeliveredText;
import org.ebpmlake.schemas.SpreadsheetCell;

/**
 * A CSV file with a header, separated by semicolons (as ARX and Japanese Excel exports often are) or commas:
 * whichever the header line holds more of; in UTF-8 (with or without a byte order mark) or CP932, judged from its
 * first bytes as deliveries are. The output is written with the input's separator, encoding and mark, so Excel
 * opens it as it opened the input.
 */
record DelimitedFile(Path path, char separator, Charset charset, boolean byteOrderMark) {
    private static final int SAMPLED_LINES = 10_000;
    private static final int SAMPLED_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    DelimitedFile {
        requireNonNull(path, "path is null");
        requireNonNull(charset, "charset is null");
    }

    static DelimitedFile detect(Path path) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(path)) {
            prefix = in.readNBytes(SAMPLED_BYTES);
        }
        Charset charset = DeliveredText.detect(path.toString(), prefix);
        boolean byteOrderMark = DeliveredText.hasUtf8Bom(prefix);
        String header;
        try (BufferedReader reader = new BufferedReader(new DelimitedFile(path, ',', charset, byteOrderMark).reader())) {
            header = reader.readLine();
        }
        if (header == null) {
            throw new IllegalArgumentException(path + " is empty: a header line is needed");
        }
        long semicolons = header.chars().filter(character -> character == ';').count();
        long commas = header.chars().filter(character -> character == ',').count();
        return new DelimitedFile(path, semicolons > commas ? ';' : ',', charset, byteOrderMark);
    }

    /** A file to write like this one: same separator, encoding and mark. */
    DelimitedFile sibling(Path other) {
        return new DelimitedFile(other, separator, charset, byteOrderMark);
    }

    private Reader reader() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (byteOrderMark) {
            in.skipNBytes(UTF8_BOM.length);
        }
        return new InputStreamReader(in, DeliveredText.strict(charset));
    }

    private CSVFormat readFormat() {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
    }

    /** The column names of the header line. */
    List<String> header() throws IOException {
        try (CSVParser parser = CSVParser.parse(reader(), readFormat())) {
            return List.copyOf(parser.getHeaderNames());
        }
    }

    Table read() throws IOException {
        try (CSVParser parser = CSVParser.parse(reader(), readFormat())) {
            List<String> columns = parser.getHeaderNames();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != columns.size()) {
                    throw new IllegalArgumentException(path + " line " + (record.getRecordNumber() + 1) + " has "
                            + record.size() + " fields, the header " + columns.size());
                }
                rows.add(record.values());
            }
            return new Table(columns, rows);
        }
    }

    void write(Table table) throws IOException {
        write(table.columns(), table.rows().iterator());
    }

    /**
     * Writes rows as they come, so a table too large for memory can stream through. Every cell, header included,
     * is written inert ({@link SpreadsheetCell#inert}): the file is meant to be opened in a spreadsheet.
     */
    void write(List<String> columns, Iterator<String[]> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator('\n')
                .setHeader(columns.stream().map(SpreadsheetCell::inert).toArray(String[]::new)).get();
        try (OutputStream out = Files.newOutputStream(path)) {
            if (byteOrderMark) {
                out.write(UTF8_BOM);
            }
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset));
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                while (rows.hasNext()) {
                    String[] row = rows.next();
                    Object[] cells = new Object[row.length];
                    for (int column = 0; column < row.length; column++) {
                        cells[column] = row[column] == null ? null : SpreadsheetCell.inert(row[column]);
                    }
                    printer.printRecord(cells);
                }
            }
        }
    }

    /**
     * Rows estimated from the file's size and its first lines' length, enough to choose an engine without
     * reading a file that may not fit in memory.
     */
    long estimatedRows() throws IOException {
        long size = Files.size(path);
        long sampled = 0;
        long bytes = 0;
        try (BufferedReader reader = new BufferedReader(reader())) {
            reader.readLine();
            String line;
            while (sampled < SAMPLED_LINES && (line = reader.readLine()) != null) {
                sampled++;
                bytes += line.getBytes(charset).length + 1;
            }
        }
        if (sampled == 0) {
            return 0;
        }
        return Math.max(sampled, size * sampled / bytes);
    }
}
