package org.ebpmlake.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
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

/**
 * A CSV file with a header, separated by semicolons (as ARX and Japanese Excel exports often are) or commas:
 * whichever the header line holds more of. The output is written with the input's separator.
 */
record DelimitedFile(Path path, char separator) {
    private static final int SAMPLED_LINES = 10_000;

    static DelimitedFile detect(Path path) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        if (header == null) {
            throw new IllegalArgumentException(path + " is empty: a header line is needed");
        }
        long semicolons = header.chars().filter(character -> character == ';').count();
        long commas = header.chars().filter(character -> character == ',').count();
        return new DelimitedFile(path, semicolons > commas ? ';' : ',');
    }

    private CSVFormat readFormat() {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
    }

    /** The column names of the header line. */
    List<String> header() throws IOException {
        try (CSVParser parser = CSVParser.parse(path, StandardCharsets.UTF_8, readFormat())) {
            return List.copyOf(parser.getHeaderNames());
        }
    }

    Table read() throws IOException {
        try (CSVParser parser = CSVParser.parse(path, StandardCharsets.UTF_8, readFormat())) {
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

    /** Writes rows as they come, so a table too large for memory can stream through. */
    void write(List<String> columns, Iterator<String[]> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator('\n')
                .setHeader(columns.toArray(String[]::new)).get();
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            while (rows.hasNext()) {
                printer.printRecord((Object[]) rows.next());
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
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while (sampled < SAMPLED_LINES && (line = reader.readLine()) != null) {
                sampled++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        if (sampled == 0) {
            return 0;
        }
        return Math.max(sampled, size * sampled / bytes);
    }
}
