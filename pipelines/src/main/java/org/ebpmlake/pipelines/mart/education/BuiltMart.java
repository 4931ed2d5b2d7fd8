package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.schemas.TableName;

/** A mart's rows as they would be published (hidden cells already blank), before the verifier has seen them. */
record BuiltMart(TableName table, List<Row> rows) {
    BuiltMart {
        requireNonNull(table, "table is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** The same rows carrying the table's schema, so the verifier reads their columns by name. */
    BuiltMart withSchema(StructType schema) {
        List<Row> named = rows.stream().<Row>map(row -> new GenericRowWithSchema(values(row), schema)).toList();
        return new BuiltMart(table, named);
    }

    private static Object[] values(Row row) {
        Object[] values = new Object[row.size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = row.get(index);
        }
        return values;
    }
}
