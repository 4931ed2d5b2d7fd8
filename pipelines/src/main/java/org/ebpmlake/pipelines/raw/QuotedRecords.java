package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * Settles the lines of a CSV delivery whose quoted field is still open at the line's end. From each such line
 * (in file order, skipping lines an earlier record already took) the file is read on the driver with Commons
 * CSV, as one record: a field with line breaks, as Excel writes a cell with Alt+Enter, becomes one record that
 * spans its lines. When the quote is never closed, or the record it closes has the wrong number of fields or a
 * field with a line break and a whole row's separators (a stray quote that swallowed the lines after it), no
 * reading of the file can be trusted: the whole file is refused, naming the line where the quoting breaks,
 * rather than ingested in part or with rows lost.
 */
final class QuotedRecords implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String fileName;
    private final String charset;
    private final int width;

    QuotedRecords(Path file, String fileName, Charset charset, int width) {
        this.file = requireNonNull(file, "file is null").toString();
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.charset = requireNonNull(charset, "charset is null").name();
        this.width = width;
    }

    /** A line whose quote is open at its end: its number and where it starts in the file. */
    record OpenQuote(long line, long byteOffset) {
    }

    /** The records that start at these lines, each spanning as many lines as its quoted line breaks. */
    List<DeliveryRecord> close(List<OpenQuote> openQuotes) {
        List<OpenQuote> ordered = openQuotes.stream().sorted(Comparator.comparingLong(OpenQuote::line)).toList();
        List<DeliveryRecord> records = new ArrayList<>();
        long coveredUntil = 0;
        for (OpenQuote open : ordered) {
            if (open.line() <= coveredUntil) {
                continue;
            }
            String[] fields = recordAt(open);
            long lastLine = open.line() + lineBreaks(fields);
            if (!fits(fields) || swallowsARow(fields)) {
                throw brokenQuoting(fileName, open.line());
            }
            records.add(DeliveryRecord.spanning(open.line(), lastLine, fields, physicalLines(open, lastLine)));
            coveredUntil = lastLine;
        }
        return List.copyOf(records);
    }

    private String[] recordAt(OpenQuote open) {
        try (InputStream in = from(open); CSVParser parser = CSVParser.parse(new InputStreamReader(in, Charset.forName(charset)), CsvReader.FORMAT)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            if (!iterator.hasNext()) {
                throw brokenQuoting(fileName, open.line());
            }
            return iterator.next().values();
        } catch (UncheckedIOException quoteNeverClosed) {
            throw brokenQuoting(fileName, open.line());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
    }

    private String physicalLines(OpenQuote open, long lastLine) {
        try (InputStream in = from(open); BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.forName(charset)))) {
            List<String> lines = new ArrayList<>();
            for (long line = open.line(); line <= lastLine; line++) {
                lines.add(reader.readLine());
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
    }

    private InputStream from(OpenQuote open) throws IOException {
        InputStream in = Files.newInputStream(Path.of(file));
        in.skipNBytes(open.byteOffset());
        return in;
    }

    /** As many fields as the header, or more when the surplus is empty. */
    private boolean fits(String[] fields) {
        if (fields.length < width) {
            return false;
        }
        for (int field = width; field < fields.length; field++) {
            if (!fields[field].isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a field with a line break holds as many separators as a whole row has: then its quotes do not enclose
     * a cell's text but the end of one row and the start of the next (a stray quote closed by another in the same
     * column), and the record would hide a row. A cell's own text with a line break seldom holds that many commas.
     */
    private boolean swallowsARow(String[] fields) {
        for (String field : fields) {
            if (lineBreaks(new String[] {field}) > 0 && width > 1 && field.chars().filter(character -> character == ',').count() >= width - 1) {
                return true;
            }
        }
        return false;
    }

    /** The line breaks inside a record's quoted fields: LF, CR LF and a lone CR each end one physical line. */
    static long lineBreaks(String[] fields) {
        long breaks = 0;
        for (String field : fields) {
            for (int index = 0; index < field.length(); index++) {
                char character = field.charAt(index);
                if (character == '\n' || (character == '\r' && (index + 1 == field.length() || field.charAt(index + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    static LakeException brokenQuoting(String fileName, long line) {
        return new LakeException(ErrorCategory.INVALID_FILE, fileName + " " + line + " 行目：引用符（\"）がここで開いたまま正しく閉じられていないため、"
                + "ファイルを行に分けられません。ファイル全体を取り込みませんでした。引用符を直して再送してください / " + fileName + " line " + line
                + ": a quote (\") opened on this line is not closed where its field ends, so the file cannot be split into rows;"
                + " nothing of it was ingested: fix the quoting and deliver the file again");
    }
}
