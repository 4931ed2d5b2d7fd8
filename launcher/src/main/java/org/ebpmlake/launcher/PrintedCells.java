package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.ebpmlake.schemas.SpreadsheetCell;

/**
 * One column's cells as they go into a CSV file, as bytes in the file's encoding: made inert for spreadsheets
 * ({@link SpreadsheetCell#inert}), quoted by Commons CSV's rules and, after the first column, preceded by the
 * separator. A released column holds few distinct values (generalized ones above all), so each is printed and encoded
 * once and its bytes reused, up to {@link SharedValues#MOST_DISTINCT} values a column.
 */
final class PrintedCells {
    private final CSVFormat format;
    private final boolean firstColumn;
    private final Charset charset;
    private final Map<String, byte[]> printed = new HashMap<>();
    private byte[] printedNull;

    PrintedCells(CSVFormat format, boolean firstColumn, Charset charset) {
        this.format = requireNonNull(format, "format is null");
        this.firstColumn = firstColumn;
        this.charset = requireNonNull(charset, "charset is null");
    }

    byte[] of(String value) {
        if (value == null) {
            if (printedNull == null) {
                printedNull = uncached(null);
            }
            return printedNull;
        }
        byte[] bytes = printed.get(value);
        if (bytes == null) {
            bytes = uncached(value);
            if (printed.size() < SharedValues.MOST_DISTINCT) {
                printed.put(value, bytes);
            }
        }
        return bytes;
    }

    /** The cell's bytes without looking in or filling the cache: for the header, written once. */
    byte[] uncached(String value) {
        StringBuilder text = new StringBuilder();
        try {
            format.print(value == null ? null : SpreadsheetCell.inert(value), text, firstColumn);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return text.toString().getBytes(charset);
    }
}
