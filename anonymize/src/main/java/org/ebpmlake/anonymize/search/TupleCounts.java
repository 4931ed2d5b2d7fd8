package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table given as its distinct rows with how many records each stands for: what a Spark aggregation of a
 * table too large for memory hands the engine. The search needs no more than this, so the optimum found on a
 * table and on its counts is the same.
 *
 * @param counts records per row, each at least 1
 */
public record TupleCounts(List<String> columns, List<String[]> rows, List<Long> counts) {
    public TupleCounts {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        counts = List.copyOf(requireNonNull(counts, "counts is null"));
        if (rows.size() != counts.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + counts.size() + " counts");
        }
        for (int index = 0; index < rows.size(); index++) {
            if (rows.get(index).length != columns.size()) {
                throw new IllegalArgumentException("row " + (index + 1) + " has " + rows.get(index).length
                        + " cells, the counts have " + columns.size() + " columns");
            }
            if (counts.get(index) < 1) {
                throw new IllegalArgumentException("row " + (index + 1) + " counts " + counts.get(index) + " records");
            }
        }
    }

    public long records() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the counts have no column '" + column + "'; they have " + columns);
        }
        return index;
    }
}
