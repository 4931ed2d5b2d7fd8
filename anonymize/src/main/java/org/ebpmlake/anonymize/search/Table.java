package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table of text cells, the engine's input and output. Rows are arrays for compactness at city scale; the
 * engine never changes a row it was given.
 */
public record Table(List<String> columns, List<String[]> rows) {
    public Table {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        columns = List.copyOf(columns);
        // Released rows are made from a table's own rows as they are read: already unmodifiable and as wide.
        if (!(rows instanceof GeneralizedRows)) {
            rows = List.copyOf(rows);
            for (int index = 0; index < rows.size(); index++) {
                if (rows.get(index).length != columns.size()) {
                    throw new IllegalArgumentException("row " + (index + 1) + " has " + rows.get(index).length
                            + " cells, the table has " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * The value at a row and column. Released rows are made as they are read ({@link GeneralizedRows}): a reader of a
     * few columns of every row gets them without making each row.
     */
    public String cell(int row, int column) {
        if (rows instanceof GeneralizedRows generalized) {
            return generalized.cell(row, column);
        }
        return rows.get(row)[column];
    }

    public int columnIndex(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the table has no column '" + column + "'; it has " + columns);
        }
        return index;
    }
}
