package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.TableWrites;

/**
 * The raw batch commit the lake uses: a plain append when no earlier delivery of the file name is in the
 * table (the usual case, and the cheap one for a large file), otherwise one MERGE that adds the new rows
 * and deletes the predecessor's. Either way one commit, so readers see the old rows or the new.
 */
final class MergeOrAppendCommit implements RawBatchCommit {
    private final SparkSession spark;

    MergeOrAppendCommit(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    @Override
    public void commit(String table, String fileName, Dataset<Row> rows) {
        boolean hasPredecessor = !spark.table(table).where(col("_source_file").equalTo(fileName)).limit(1).isEmpty();
        if (!hasPredecessor) {
            TableWrites.append(rows, table);
            return;
        }
        TableWrites.merge(rows, table, "ON t._file_hash = s._file_hash AND t._line = s._line"
                + " WHEN NOT MATCHED THEN INSERT *"
                + " WHEN NOT MATCHED BY SOURCE AND t._source_file = '" + fileName.replace("'", "''") + "' THEN DELETE");
    }
}
