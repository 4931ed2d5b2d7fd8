package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.parser.ParseException;
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
        TableWrites.merge(rows, table.in(settings.catalogName()), onSameRow(sameRow)
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
        return current().map(Snapshot::snapshotId);
    }

    /**
     * Undoes what a failed batch did to the table: back to the snapshot taken before it, or, if the table
     * had none, without the rows of the batch's file.
     *
     * <p>When other writers committed after the batch (a catalog several writers share), going back would take their
     * commits too; then only this batch's rows are taken back, and those of the earlier delivery it replaced are
     * brought back from the snapshot before it, in one commit that leaves everyone else's alone.
     */
    public void undoBatch(Optional<Long> snapshotBefore, String dataset, String sourceFile, String fileHash, List<String> sameRow) {
        requireNonNull(snapshotBefore, "snapshotBefore is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(fileHash, "fileHash is null");
        requireNonNull(sameRow, "sameRow is null");
        if (snapshotBefore.isPresent()) {
            Optional<Snapshot> current = current();
            if (current.isEmpty() || current.get().snapshotId() == snapshotBefore.get()) {
                return;
            }
            if (snapshotBefore.get().equals(current.get().parentId())) {
                spark.sql("CALL " + settings.catalogName() + ".system.rollback_to_snapshot('" + table + "', "
                        + snapshotBefore.get() + ")");
                return;
            }
            Dataset<Row> before = spark.read().option("snapshot-id", snapshotBefore.get()).table(table.in(settings.catalogName()))
                    .where(functions.col("dataset").equalTo(dataset).and(functions.col("source_file").equalTo(sourceFile)));
            TableWrites.merge(before, table.in(settings.catalogName()), onSameRow(sameRow)
                    + " WHEN NOT MATCHED THEN INSERT *"
                    + " WHEN NOT MATCHED BY SOURCE AND t.dataset = " + literal(dataset) + " AND t.file_hash = " + literal(fileHash)
                    + " THEN DELETE");
            return;
        }
        // A batch that wrote nothing here has nothing to undo: no commit, which on a full disk would fail itself.
        if (current().isPresent() && !spark.table(table.in(settings.catalogName()))
                .where(functions.col("file_hash").equalTo(fileHash)).limit(1).isEmpty()) {
            spark.sql("DELETE FROM " + table.in(settings.catalogName()) + " WHERE file_hash = " + literal(fileHash));
        }
    }

    private Optional<Snapshot> current() {
        Table loaded;
        try {
            loaded = Spark3Util.loadIcebergTable(spark, table.in(settings.catalogName()));
        } catch (ParseException | NoSuchTableException e) {
            throw new IllegalStateException("cannot load " + table, e);
        }
        loaded.refresh();
        return Optional.ofNullable(loaded.currentSnapshot());
    }

    private static String onSameRow(List<String> sameRow) {
        StringBuilder on = new StringBuilder("ON t.dataset = s.dataset AND t.file_hash = s.file_hash AND t.line <=> s.line");
        for (String column : sameRow) {
            on.append(" AND t.").append(column).append(" <=> s.").append(column);
        }
        return on.toString();
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
