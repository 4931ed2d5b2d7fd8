package org.ebpmlake.pipelines.curated;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;

/**
 * The rows of a raw table that promotion makes current: one per declared key, the latest delivery winning.
 * Shared by the promotion itself and by the quality gate, which checks exactly these rows before it.
 */
public final class LatestPerKey {
    private LatestPerKey() {
    }

    public static Dataset<Row> of(Dataset<Row> raw, DatasetDeclaration dataset) {
        requireNonNull(raw, "raw is null");
        requireNonNull(dataset, "dataset is null");
        if (dataset.key().isEmpty()) {
            return raw;
        }
        Column[] key = dataset.key().stream().map(functions::col).toArray(Column[]::new);
        return raw.withColumn("_rank", row_number().over(Window.partitionBy(key).orderBy(
                        col(LineageColumn.INGESTED_AT.columnName()).desc(),
                        col(LineageColumn.SOURCE_FILE.columnName()).desc(),
                        col(LineageColumn.LINE.columnName()).desc())))
                .where(col("_rank").equalTo(1))
                .drop("_rank");
    }
}
