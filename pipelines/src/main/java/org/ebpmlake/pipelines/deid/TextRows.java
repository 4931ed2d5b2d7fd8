package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A small query result (a hierarchy's groups) collected as text cells, the form hierarchies are built from. */
public final class TextRows {
    private TextRows() {
    }

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
