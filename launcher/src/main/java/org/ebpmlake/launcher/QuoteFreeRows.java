package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The rows of a UTF-8 file that holds no quote character, split on its separator byte line by line, read exactly as
 * Commons CSV reads such a file with {@link DelimitedFile}'s format: a line ends at LF, CR or CR LF, empty lines are
 * skipped, every value loses the whitespace around it ({@link String#strip()}, Commons CSV's
 * {@code ignoreSurroundingSpaces}).
 *
 * <p>Why not Commons CSV for these too: it decodes every character and makes a string of every cell, and at registry
 * scale (2.75 million rows, 60 MB) that was 1.6 s of a 7.4 s de-identification and most of its garbage. Without
 * quotes a value cannot hold a separator or a line end, and in UTF-8 no byte of a multi-byte character equals an ASCII
 * separator, so the bytes can be split as they are. Each column's distinct values are decoded once and shared
 * (up to {@link SharedValues#MOST_DISTINCT} of them). Files with a quote, in CP932, or of a gigabyte or more go to
 * Commons CSV.
 */
final class QuoteFreeRows {
    private static final byte QUOTE = '"';
    private static final byte LINE_FEED = '\n';
    private static final byte CARRIAGE_RETURN = '\r';
    /** The least of the file read on one core: a smaller file is read on one. */
    private static final int BYTES_PER_PART = 4 << 20;
    /** Larger files are streamed by Commons CSV rather than held as bytes. */
    static final long LARGEST_FILE = 1L << 30;

    private final Path path;
    private final byte[] content;
    private final int start;
    private final byte separator;
    private final int bytesPerPart;

    /**
     * @param content the whole file
     * @param start where the text starts, after a byte order mark
     */
    QuoteFreeRows(Path path, byte[] content, int start, char separator) {
        this(path, content, start, separator, BYTES_PER_PART);
    }

    /** With parts of the given size, so that tests can cut small files into many. */
    QuoteFreeRows(Path path, byte[] content, int start, char separator, int bytesPerPart) {
        if (bytesPerPart < 1) {
            throw new IllegalArgumentException("a part holds at least one byte, not " + bytesPerPart);
        }
        this.bytesPerPart = bytesPerPart;
        this.path = requireNonNull(path, "path is null");
        this.content = requireNonNull(content, "content is null");
        this.start = start;
        if (separator > 0x7f) {
            throw new IllegalArgumentException("the separator must be an ASCII character, got " + separator);
        }
        this.separator = (byte) separator;
    }

    /** Whether the file can be read this way: it holds no quote character. */
    boolean applies() {
        for (int index = start; index < content.length; index++) {
            if (content[index] == QUOTE) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows after the header line, each with as many values as the header has columns. A large file is cut at
     * line ends into parts read on every core, each with its own dictionaries; the rows keep the file's order.
     */
    List<String[]> rows(List<String> columns) {
        int dataStart = start;
        boolean headerSeen = false;
        while (dataStart < content.length && !headerSeen) {
            int end = lineEnd(dataStart);
            headerSeen = end > dataStart;
            dataStart = nextLine(end);
        }
        int parts = (int) Math.max(1, Math.min(Math.max(Runtime.getRuntime().availableProcessors(), 4),
                (content.length - dataStart) / bytesPerPart));
        int[] bounds = new int[parts + 1];
        bounds[0] = dataStart;
        for (int part = 1; part < parts; part++) {
            long nominal = dataStart + (long) (content.length - dataStart) * part / parts;
            bounds[part] = Math.max(bounds[part - 1], nextLine(lineEnd((int) nominal)));
        }
        bounds[parts] = content.length;
        List<List<String[]>> rowsOfParts = new ArrayList<>(Collections.nCopies(parts, List.of()));
        MisshapenLine[] problems = new MisshapenLine[parts];
        IntStream.range(0, parts).parallel().forEach(part -> {
            try {
                rowsOfParts.set(part, rowsBetween(bounds[part], bounds[part + 1], columns));
            } catch (MisshapenLine problem) {
                problems[part] = problem;
            }
        });
        for (int part = 0; part < parts; part++) {
            if (problems[part] != null) {
                throw problems[part].inFile(path, linesBefore(bounds[part]));
            }
        }
        List<String[]> rows = new ArrayList<>(rowsOfParts.stream().mapToInt(List::size).sum());
        rowsOfParts.forEach(rows::addAll);
        return rows;
    }

    /** Where the line starting at the position ends: at its LF or CR, or the end of the file. */
    private int lineEnd(int position) {
        int end = position;
        while (end < content.length && content[end] != LINE_FEED && content[end] != CARRIAGE_RETURN) {
            end++;
        }
        return end;
    }

    /** Where the next line starts after a line ending at {@code end}: past its LF, CR or CR LF. */
    private int nextLine(int end) {
        int position = end;
        if (position < content.length && content[position] == CARRIAGE_RETURN) {
            position++;
        }
        if (position < content.length && content[position] == LINE_FEED
                && (position == end || content[position - 1] == CARRIAGE_RETURN)) {
            position++;
        }
        return position;
    }

    /** The physical lines before the position, which starts a line: for a person's error message. */
    private int linesBefore(int position) {
        int lines = 0;
        for (int at = start; at < position; at = nextLine(lineEnd(at))) {
            lines++;
        }
        return lines;
    }

    private List<String[]> rowsBetween(int from, int to, List<String> columns) {
        List<ValueCache> caches = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            caches.add(new ValueCache());
        }
        List<String[]> rows = new ArrayList<>();
        int line = 0;
        for (int position = from; position < to; ) {
            int end = lineEnd(position);
            line++;
            if (end > position) {
                rows.add(row(position, end, line, columns, caches));
            }
            position = nextLine(end);
        }
        return rows;
    }

    private String[] row(int from, int to, int line, List<String> columns, List<ValueCache> caches) {
        String[] values = new String[columns.size()];
        int column = 0;
        int valueStart = from;
        // One pass finds the separators and hashes each value's bytes on the way.
        int hash = 1;
        for (int index = from; index <= to; index++) {
            if (index == to || content[index] == separator) {
                if (column < values.length) {
                    values[column] = caches.get(column).value(valueStart, index, spread(hash), line,
                            columns.get(column));
                }
                column++;
                valueStart = index + 1;
                hash = 1;
            } else {
                hash = 31 * hash + content[index];
            }
        }
        if (column != values.length) {
            throw new MisshapenLine(line, ": " + column + " 項目、見出しは " + values.length + " 項目 / has " + column
                    + " fields, the header " + values.length, null);
        }
        return values;
    }

    /** A line that cannot be read, numbered within its part of the file until the part's first line is known. */
    private static final class MisshapenLine extends RuntimeException {
        private final int lineInPart;

        MisshapenLine(int lineInPart, String problem, Throwable cause) {
            super(problem, cause, false, false);
            this.lineInPart = lineInPart;
        }

        LakeException inFile(Path path, int linesBeforePart) {
            return new LakeException(ErrorCategory.INVALID_FILE, path + " line " + (linesBeforePart + lineInPart) + getMessage(),
                    getCause());
        }
    }

    /** One column's values by their bytes: open addressing over the distinct byte strings seen, each decoded once. */
    private final class ValueCache {
        private byte[][] keys = new byte[64][];
        private String[] values = new String[64];
        private int size;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

        /** The value of the bytes from {@code from} to {@code to}, whose {@link #hash} is given. */
        String value(int from, int to, int hash, int line, String column) {
            int mask = keys.length - 1;
            int slot = hash & mask;
            while (keys[slot] != null) {
                if (sameBytes(keys[slot], from, to)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            String value = decode(from, to, line, column);
            if (size < SharedValues.MOST_DISTINCT) {
                keys[slot] = Arrays.copyOfRange(content, from, to);
                values[slot] = value;
                size++;
                if (size * 2 > keys.length) {
                    grow();
                }
            }
            return value;
        }

        private String decode(int from, int to, int line, String column) {
            try {
                return decoder.decode(ByteBuffer.wrap(content, from, to - from)).toString().strip();
            } catch (CharacterCodingException e) {
                throw new MisshapenLine(line, ", column " + column + ": UTF-8 として読めません / is not UTF-8 text", e);
            }
        }

        private void grow() {
            byte[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int old = 0; old < oldKeys.length; old++) {
                if (oldKeys[old] != null) {
                    int slot = hash(oldKeys[old], 0, oldKeys[old].length) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[old];
                    values[slot] = oldValues[old];
                }
            }
        }
    }

    /** Byte by byte: values are a few bytes long, too short for a vectorized comparison to pay. */
    private boolean sameBytes(byte[] key, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int index = 0; index < key.length; index++) {
            if (key[index] != content[from + index]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int index = from; index < to; index++) {
            hash = 31 * hash + bytes[index];
        }
        return spread(hash);
    }

    /**
     * Spreads a polynomial hash over the low bits the table uses: values such as ward codes or ages differ in their last
     * digit only, and their plain hashes would sit in neighbouring slots and lengthen every probe.
     */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 15);
    }
}
