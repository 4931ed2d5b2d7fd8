package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

/**
 * Cells of a workbook merged into one, as a header often is (a title over several columns, a name over two
 * header rows): its rows as lines, its columns from 0, and the value Excel keeps in its first cell.
 */
record MergedRegion(long firstLine, long lastLine, int firstColumn, int lastColumn, String value) {
    MergedRegion {
        if (firstLine < 1 || lastLine < firstLine || firstColumn < 0 || lastColumn < firstColumn) {
            throw new IllegalArgumentException("not a region: lines " + firstLine + "-" + lastLine + ", columns "
                    + firstColumn + "-" + lastColumn);
        }
        requireNonNull(value, "value is null");
    }

    boolean covers(long line, int column) {
        return line >= firstLine && line <= lastLine && column >= firstColumn && column <= lastColumn;
    }
}
