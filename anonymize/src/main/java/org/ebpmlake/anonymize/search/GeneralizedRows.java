package org.ebpmlake.anonymize.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The released rows of a table, each made when it is read: the input row with its quasi-identifiers replaced by its
 * tuple's generalized values. Millions of released rows held at once would be as many new arrays for the collector to
 * copy, while the writer and the verifier each read a row once and drop it. Unmodifiable: every read makes a new
 * array, and the input and the generalized values never change.
 */
final class GeneralizedRows extends AbstractList<String[]> implements RandomAccess {
    private final List<String[]> input;
    private final int[] columns;
    private final int[] tupleOfRow;
    private final String[][] generalizedTuples;
    /** Each column's quasi-identifier, -1 for a column released as it is. */
    private final int[] attributeOfColumn;

    /**
     * @param columns the quasi-identifiers' columns
     * @param tupleOfRow each input row's tuple
     * @param generalizedTuples each tuple's released values, in the order of {@code columns}
     */
    GeneralizedRows(List<String[]> input, int width, int[] columns, int[] tupleOfRow, String[][] generalizedTuples) {
        this.input = List.copyOf(input);
        this.columns = columns.clone();
        this.tupleOfRow = tupleOfRow.clone();
        this.generalizedTuples = generalizedTuples.clone();
        this.attributeOfColumn = new int[width];
        Arrays.fill(attributeOfColumn, -1);
        for (int attribute = 0; attribute < columns.length; attribute++) {
            attributeOfColumn[columns[attribute]] = attribute;
        }
    }

    /** One value of a released row, without making the row. */
    String cell(int record, int column) {
        int attribute = attributeOfColumn[column];
        if (attribute < 0) {
            return input.get(record)[column];
        }
        return generalizedTuples[tupleOfRow[record]][attribute];
    }

    @Override
    public String[] get(int record) {
        String[] row = input.get(record).clone();
        String[] generalized = generalizedTuples[tupleOfRow[record]];
        for (int attribute = 0; attribute < columns.length; attribute++) {
            row[columns[attribute]] = generalized[attribute];
        }
        return row;
    }

    @Override
    public int size() {
        return tupleOfRow.length;
    }
}
