package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.raw.DeliveredText;
import org.ebpmlake.schemas.SpreadsheetCell;

/**
 * A CSV file with a header, separated by commas, semicolons (as ARX and Japanese Excel exports often are), tabs or
 * vertical bars: whichever the header line holds most of, unless the person names one; in UTF-8 (with or without a
 * byte order mark) or CP932, judged from its first bytes as deliveries are. A file without rows, with a nameless or
 * twice-named column is refused in one line. The output is written with the input's separator, encoding and mark,
 * so Excel opens it as it opened the input, into a temporary file moved into place only when complete.
 */
record DelimitedFile(Path path, char separator, Charset charset, boolean byteOrderMark) {
    private static final int SAMPLED_LINES = 10_000;
    private static final int SAMPLED_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    DelimitedFile {
        requireNonNull(path, "path is null");
        requireNonNull(charset, "charset is null");
    }

    static DelimitedFile detect(Path path) throws IOException {
        return detect(path, Optional.empty());
    }

    /** The file, its separator the one named or else the one its header holds most of. */
    static DelimitedFile detect(Path path, Optional<Character> namedSeparator) throws IOException {
        requireNonNull(namedSeparator, "namedSeparator is null");
        if (!Files.isRegularFile(path)) {
            throw new LakeException(ErrorCategory.INVALID_FILE, "ファイルがありません / no such file: " + path);
        }
        byte[] prefix;
        try (InputStream in = Files.newInputStream(path)) {
            prefix = in.readNBytes(SAMPLED_BYTES);
        }
        Charset charset = DeliveredText.detect(path.toString(), prefix);
        boolean byteOrderMark = DeliveredText.hasUtf8Bom(prefix);
        String header;
        try (BufferedReader reader = new BufferedReader(new DelimitedFile(path, ',', charset, byteOrderMark).reader())) {
            header = reader.readLine();
        } catch (CharacterCodingException e) {
            throw new LakeException(ErrorCategory.INVALID_FILE, path + ": 見出し行が UTF-8 でも CP932 でもありません"
                    + " / the header line is neither UTF-8 nor CP932 text", e);
        }
        if (header == null || header.isBlank()) {
            throw new LakeException(ErrorCategory.INVALID_FILE, path + " は空です。見出し行が必要です / " + path
                    + " is empty: a header line is needed");
        }
        char separator = namedSeparator.orElseGet(() -> mostFrequentSeparator(header));
        DelimitedFile file = new DelimitedFile(path, separator, charset, byteOrderMark);
        file.checkHeader();
        return file;
    }

    private static char mostFrequentSeparator(String header) {
        char chosen = ',';
        long most = 0;
        for (char candidate : SEPARATORS) {
            long count = header.chars().filter(character -> character == candidate).count();
            if (count > most) {
                chosen = candidate;
                most = count;
            }
        }
        return chosen;
    }

    /** Column names must be there, once each, and a row must follow: otherwise nothing can be de-identified. */
    private void checkHeader() throws IOException {
        List<String> columns;
        boolean hasRow;
        try (CSVParser parser = CSVParser.parse(reader(), readFormat())) {
            columns = parser.getHeaderNames();
            hasRow = parser.iterator().hasNext();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // Commons CSV names the duplicate or empty column, or the line where quoting breaks.
            throw new LakeException(ErrorCategory.INVALID_FILE, path + ": 見出し行が読めません / cannot read the header line: "
                    + reason(e) + " (separator " + describe(separator) + "; name another with --separator)", e);
        }
        if (!hasRow) {
            throw new LakeException(ErrorCategory.INVALID_FILE, path + " には見出し行しかありません / " + path
                    + " has a header line but no rows");
        }
    }

    /**
     * The parser's own words without the Java class names that {@link UncheckedIOException} puts in front of them:
     * a person reads "EOF reached before encapsulated token finished (startline 18)", not a type.
     */
    private static String reason(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return String.valueOf(cause.getMessage());
    }

    /** The header's columns, for a person's error message: the separator a file was split on shows in them. */
    String describeColumns(List<String> columns) {
        return String.join(", ", columns) + " (separator " + describe(separator) + "; name another with --separator)";
    }

    static String describe(char separator) {
        return switch (separator) {
            case '\t' -> "tab";
            case ',' -> "','";
            case ';' -> "';'";
            case '|' -> "'|'";
            default -> "'" + separator + "'";
        };
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
                .setIgnoreSurroundingSpaces(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setAllowMissingColumnNames(false).get();
    }

    /** The column names of the header line. */
    List<String> header() throws IOException {
        try (CSVParser parser = CSVParser.parse(reader(), readFormat())) {
            return List.copyOf(parser.getHeaderNames());
        }
    }

    /**
     * The rows, each column's repeated values sharing one string: a registry of millions of residents has a few
     * hundred distinct ages, wards and nationalities, and one string per cell would hold gigabytes for nothing. A UTF-8
     * file without quotes is split as bytes ({@link QuoteFreeRows}), any other by Commons CSV, with the same result.
     */
    Table read() throws IOException {
        Optional<Table> quoteFree = readQuoteFree();
        if (quoteFree.isPresent()) {
            return quoteFree.get();
        }
        return readWithCommonsCsv();
    }

    /** The table, when the file is UTF-8, has no quote character and is small enough to hold as bytes. */
    Optional<Table> readQuoteFree() throws IOException {
        if (!charset.equals(StandardCharsets.UTF_8) || separator > 0x7f || Files.size(path) >= QuoteFreeRows.LARGEST_FILE) {
            return Optional.empty();
        }
        QuoteFreeRows quoteFree = new QuoteFreeRows(path, Files.readAllBytes(path), byteOrderMark ? UTF8_BOM.length : 0,
                separator);
        if (!quoteFree.applies()) {
            return Optional.empty();
        }
        List<String> columns = header();
        return Optional.of(new Table(columns, quoteFree.rows(columns)));
    }

    Table readWithCommonsCsv() throws IOException {
        try (CSVParser parser = CSVParser.parse(reader(), readFormat())) {
            List<String> columns = parser.getHeaderNames();
            List<String[]> rows = new ArrayList<>();
            List<SharedValues> shared = new ArrayList<>();
            for (int column = 0; column < columns.size(); column++) {
                shared.add(new SharedValues());
            }
            for (CSVRecord record : parser) {
                if (record.size() != columns.size()) {
                    throw new LakeException(ErrorCategory.INVALID_FILE, path + " line " + (parser.getCurrentLineNumber())
                            + ": " + record.size() + " 項目、見出しは " + columns.size() + " 項目 / has " + record.size()
                            + " fields, the header " + columns.size());
                }
                String[] row = record.values();
                for (int column = 0; column < row.length; column++) {
                    row[column] = shared.get(column).shared(row[column]);
                }
                rows.add(row);
            }
            return new Table(columns, rows);
        } catch (UncheckedIOException e) {
            throw new LakeException(ErrorCategory.INVALID_FILE, path + ": 読めません / cannot be read: " + reason(e), e);
        }
    }

    void write(Table table) throws IOException {
        write(table.columns(), cellByCell(table));
    }

    /** Stages a table's rows read a cell at a time ({@link #cellByCell}). */
    StagedFile stage(Table table) throws IOException {
        return stage(table.columns(), cellByCell(table));
    }

    /**
     * A table's rows read a cell at a time ({@link Table#cell}) into one array, filled again for every row: a released
     * table makes its rows as they are read, and the writer needs none of them made.
     */
    private static Iterator<String[]> cellByCell(Table table) {
        String[] row = new String[table.columns().size()];
        int rowCount = table.rows().size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rowCount;
            }

            @Override
            public String[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                for (int column = 0; column < row.length; column++) {
                    row[column] = table.cell(next, column);
                }
                next++;
                return row;
            }
        };
    }

    /**
     * Writes rows as they come, so a table too large for memory can stream through, into a temporary file beside the
     * target that replaces it only once complete: a failure never leaves half a file behind.
     */
    void write(List<String> columns, Iterator<String[]> rows) throws IOException {
        try (StagedFile staged = stage(columns, rows)) {
            staged.publish();
        }
    }

    /**
     * Writes the rows into a temporary file beside the target, to be published or discarded by the caller. Every
     * cell, header included, is written inert ({@link SpreadsheetCell#inert}): the file is meant to be opened in a
     * spreadsheet. A column's distinct values are quoted and encoded once ({@link PrintedCells}). Each row is written
     * before the next is asked for, so a source may fill one array again and again.
     */
    StagedFile stage(List<String> columns, Iterator<String[]> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setRecordSeparator('\n').get();
        List<PrintedCells> printed = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            printed.add(new PrintedCells(format, column == 0, charset));
        }
        byte[] lineEnd = "\n".getBytes(charset);
        StagedFile staged = StagedFile.beside(path);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staged.partial()), 1 << 16)) {
            if (byteOrderMark) {
                out.write(UTF8_BOM);
            }
            for (int column = 0; column < columns.size(); column++) {
                out.write(printed.get(column).uncached(columns.get(column)));
            }
            out.write(lineEnd);
            while (rows.hasNext()) {
                String[] row = rows.next();
                for (int column = 0; column < row.length; column++) {
                    out.write(printed.get(column).of(row[column]));
                }
                out.write(lineEnd);
            }
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
        return staged;
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
