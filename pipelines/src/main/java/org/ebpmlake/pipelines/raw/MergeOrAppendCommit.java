package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.iceberg.exceptions.ValidationException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.ebpmlake.lake.TableWrites;

/**
 * The raw batch commit the lake uses, always one Iceberg commit, so readers see the old rows or the new:
 * <ul>
 *   <li>no earlier delivery of the file name (the usual case): an append;</li>
 *   <li>a corrected re-delivery: an overwrite that drops the predecessor's data files by name and adds the new
 *       ones. A raw data file only ever holds one batch, and raw tables keep whole file names in their
 *       statistics, so Iceberg drops whole files without reading them;</li>
 *   <li>a table from before those statistics (where Iceberg cannot prove a file holds only the old batch): one
 *       MERGE that adds the new rows and deletes the predecessor's.</li>
 * </ul>
 * Each task writes its own files, unsorted and unshuffled (one day of GPS pings is one partition: a shuffle by
 * partition would hand all ten million rows to a single writer).
 */
final class MergeOrAppendCommit implements RawBatchCommit {
    private final SparkSession spark;

    MergeOrAppendCommit(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    @Override
    public void commit(String table, String fileName, Dataset<Row> rows) {
        boolean hasPredecessor = !spark.table(table).where(col("_source_file").equalTo(fileName)).limit(1).isEmpty();
        try {
            if (!hasPredecessor) {
                rows.writeTo(table).option("distribution-mode", "none").option("fanout-enabled", "true").append();
                return;
            }
            try {
                rows.writeTo(table).option("distribution-mode", "none").option("fanout-enabled", "true")
                        .overwrite(col("_source_file").equalTo(fileName));
            } catch (Exception failure) {
                // Spark may hand Iceberg's refusal on wrapped; anything else is a real failure.
                if (!refusedForMixedFiles(failure)) {
                    throw failure;
                }
                TableWrites.merge(rows, table, "ON t._file_hash = s._file_hash AND t._line = s._line"
                        + " WHEN NOT MATCHED THEN INSERT *"
                        + " WHEN NOT MATCHED BY SOURCE AND t._source_file = '" + fileName.replace("'", "''") + "' THEN DELETE");
            }
        } catch (NoSuchTableException e) {
            throw new IllegalStateException("table " + table + " does not exist: create the lake's tables first", e);
        }
    }

    private static boolean refusedForMixedFiles(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationException) {
                return true;
            }
        }
        return false;
    }
}
