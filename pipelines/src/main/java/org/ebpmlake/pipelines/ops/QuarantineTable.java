package org.ebpmlake.pipelines.ops;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code raw.quarantine}: rejected rows with file, line, field and reason. Keyed by dataset, file hash and line, so
 * quarantining the same delivery twice adds nothing.
 */
public final class QuarantineTable {
    public static final TableName TABLE = new TableName(Zone.RAW, "quarantine");

    private final PerDeliveryTable rows;

    public QuarantineTable(SparkSession spark, LakeSettings settings) {
        this.rows = new PerDeliveryTable(spark, settings, TABLE);
    }

    /**
     * Adds a batch's quarantined rows and removes those of an earlier delivery of the same file name (a
     * corrected re-delivery supersedes its predecessor's rejects as well as its rows), in one commit. Rows of
     * a (file hash, line) already quarantined are not added again.
     */
    public void replaceFile(String dataset, String sourceFile, String fileHash, Dataset<Row> quarantined) {
        rows.replaceFile(dataset, sourceFile, fileHash, quarantined, List.of());
    }

    /** Whether an earlier delivery of this file name left quarantined rows. */
    public boolean holdsPredecessorOf(String dataset, String sourceFile, String fileHash) {
        return rows.holdsPredecessorOf(dataset, sourceFile, fileHash);
    }

    /** The table's current snapshot, to return to if the batch it belongs to fails; empty while the table has none. */
    public Optional<Long> currentSnapshot() {
        return rows.currentSnapshot();
    }

    /**
     * Undoes what a failed batch did to the table: back to the snapshot taken before it, or, if the table
     * had none, without the rows of the batch's file.
     */
    public void undoBatch(Optional<Long> snapshotBefore, String dataset, String sourceFile, String fileHash) {
        rows.undoBatch(snapshotBefore, dataset, sourceFile, fileHash, List.of());
    }

    /** Whether any row of the file with this hash is quarantined for the dataset. */
    public boolean holdsFile(String dataset, String fileHash) {
        return rows.holdsFile(dataset, fileHash);
    }
}
