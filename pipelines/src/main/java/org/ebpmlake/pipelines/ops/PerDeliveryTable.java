package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;

/**
 * A table that holds rows about delivered files ({@code raw.quarantine}, {@code ops.ingest_warnings}),
 * each row with the dataset, source file, file hash and line it is about. A delivery's rows are written in one
 * commit that also removes those of an earlier delivery of the same file name, and are taken back if the
 * delivery's raw commit fails.
 */
public final class PerDeliveryTable {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final TableName table;

    public PerDeliveryTable(SparkSession spark, LakeSettings settings, TableName table) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.table = requireNonNull(table, "table is null");
    }

    /**
     * Adds a batch's rows and removes those of an earlier delivery of the same file name (a corrected re-delivery
     * supersedes everything its predecessor left), in one commit. Rows of a (file hash, line) already there are
     * not added again.
     *
     * @param sameRow the further columns that tell two rows of one line apart, besides dataset, hash and line
     */
    public void replaceFile(String dataset, String sourceFile, String fileHash, Dataset<Row> rows, List<String> sameRow) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(fileHash, "fileHash is null");
        requireNonNull(rows, "rows is null");
        StringBuilder on = new StringBuilder("ON t.dataset = s.dataset AND t.file_hash = s.file_hash AND t.line <=> s.line");
        for (String column : sameRow) {
            on.append(" AND t.").append(column).append(" <=> s.").append(column);
        }
        TableWrites.merge(rows, table.in(settings.catalogName()), on
                + " WHEN NOT MATCHED THEN INSERT *"
                + " WHEN NOT MATCHED BY SOURCE AND t.dataset = " + literal(dataset) + " AND t.source_file = "
                + literal(sourceFile) + " AND t.file_hash <> " + literal(fileHash) + " THEN DELETE");
    }

    /** Whether an earlier delivery of this file name left rows. */
    public boolean holdsPredecessorOf(String dataset, String sourceFile, String fileHash) {
        return !spark.table(table.in(settings.catalogName())).where(functions.col("dataset").equalTo(dataset)
                .and(functions.col("source_file").equalTo(sourceFile))
                .and(functions.col("file_hash").notEqual(fileHash))).limit(1).isEmpty();
    }

    /** Whether any row of the file with this hash is here for the dataset. */
    public boolean holdsFile(String dataset, String fileHash) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(fileHash, "fileHash is null");
        return !spark.table(table.in(settings.catalogName())).where(functions.col("dataset").equalTo(dataset)
                .and(functions.col("file_hash").equalTo(fileHash))).limit(1).isEmpty();
    }

    /** The table's current snapshot, to return to if the batch it belongs to fails; empty while the table has none. */
    public Optional<Long> currentSnapshot() {
        List<Row> latest = spark.sql("SELECT snapshot_id FROM " + table.in(settings.catalogName())
                + ".snapshots ORDER BY committed_at DESC LIMIT 1").collectAsList();
        return latest.stream().findFirst().map(row -> row.getLong(0));
    }

    /**
     * Undoes what a failed batch did to the table: back to the snapshot taken before it, or, if the table
     * had none, without the rows of the batch's file.
     */
    public void undoBatch(Optional<Long> snapshotBefore, String fileHash) {
        requireNonNull(snapshotBefore, "snapshotBefore is null");
        requireNonNull(fileHash, "fileHash is null");
        if (snapshotBefore.isPresent()) {
            if (!snapshotBefore.equals(currentSnapshot())) {
                spark.sql("CALL " + settings.catalogName() + ".system.rollback_to_snapshot('" + table + "', "
                        + snapshotBefore.get() + ")");
            }
            return;
        }
        // A batch that wrote nothing here has nothing to undo: no commit, which on a full disk would fail itself.
        if (currentSnapshot().isPresent() && !spark.table(table.in(settings.catalogName()))
                .where(functions.col("file_hash").equalTo(fileHash)).limit(1).isEmpty()) {
            spark.sql("DELETE FROM " + table.in(settings.catalogName()) + " WHERE file_hash = " + literal(fileHash));
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
