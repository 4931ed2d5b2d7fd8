package org.ebpmlake.pipelines.raw;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes one batch's accepted rows into a raw table in exactly one Iceberg commit, replacing the rows of an
 * earlier delivery of the same file name. An interface so tests can make the commit fail and check that
 * the batch leaves nothing behind.
 */
public interface RawBatchCommit {
    void commit(String table, String fileName, Dataset<Row> rows);
}
