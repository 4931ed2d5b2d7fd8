package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark rows as the text cells the engine and the hierarchies work on. */
public final class TextRows {
    private TextRows() {
    }

    /** The first {@code count} cells of a row whose columns are text. */
    public static String[] cells(Row row, int count) {
        requireNonNull(row, "row is null");
        String[] cells = new String[count];
        for (int column = 0; column < count; column++) {
            cells[column] = row.getString(column);
        }
        return cells;
    }

    /** A small query result (a hierarchy's groups), any column type written as text. */
    public static List<List<String>> of(Dataset<Row> result) {
        requireNonNull(result, "result is null");
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < row.length(); column++) {
                cells.add(String.valueOf(row.get(column)));
            }
            rows.add(cells);
        }
        return rows;
    }
}
