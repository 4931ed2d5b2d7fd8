package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Keeps at most a fixed number of (mesh, hour) cells per device and day, so the sensitivity the footfall noise
 * is calibrated to holds for every device instead of being assumed. Which cells stay is decided by a hash of the
 * device and the cell: fixed, so a re-run over the same pings counts the same input, and spread over the day and
 * the map, where keeping the earliest hours would drop every busy device's evenings.
 */
final class CellContributionBound {
    private final int maxCellsPerDevice;

    CellContributionBound(int maxCellsPerDevice) {
        if (maxCellsPerDevice < 1) {
            throw new IllegalArgumentException("maxCellsPerDevice must be at least 1, got " + maxCellsPerDevice);
        }
        this.maxCellsPerDevice = maxCellsPerDevice;
    }

    /** Columns in and out: mesh_code, hour_start, device_hash_pseudonym; out, one row per device and cell. */
    Dataset<Row> keep(Dataset<Row> deviceCells) {
        Dataset<Row> visits = deviceCells.select("mesh_code", "hour_start", "device_hash_pseudonym").distinct();
        WindowSpec deviceDay = Window
                .partitionBy(col("device_hash_pseudonym"), to_date(col("hour_start")))
                .orderBy(xxhash64(col("device_hash_pseudonym"), col("mesh_code"), col("hour_start")), col("mesh_code"), col("hour_start"));
        return visits
                .withColumn("cell_rank", row_number().over(deviceDay))
                .where(col("cell_rank").leq(maxCellsPerDevice))
                .drop("cell_rank");
    }
}
