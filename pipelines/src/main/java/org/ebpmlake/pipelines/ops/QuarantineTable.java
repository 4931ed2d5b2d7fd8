package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code ops.quarantine}: rejected rows with file, line, field and reason. Keyed by file hash and line, so
 * quarantining the same delivery twice adds nothing.
 */
public final class QuarantineTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "quarantine");

    private final SparkSession spark;
    private final LakeSettings settings;

    public QuarantineTable(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Adds rows already in the table's schema, in one commit; rows of a (file, line) already quarantined
     * are not added again.
     */
    public void add(Dataset<Row> rows) {
        requireNonNull(rows, "rows is null");
        String table = TABLE.in(settings.catalogName());
        String view = "quarantine_batch_" + Long.toHexString(System.nanoTime());
        rows.createOrReplaceTempView(view);
        try {
            spark.sql("MERGE INTO " + table + " t USING " + view + " s"
                    + " ON t.file_hash = s.file_hash AND t.line = s.line"
                    + " WHEN NOT MATCHED THEN INSERT *");
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    /** Whether any row of the file with this hash is quarantined. */
    public boolean holdsFile(String fileHash) {
        requireNonNull(fileHash, "fileHash is null");
        return !spark.table(TABLE.in(settings.catalogName())).where(functions.col("file_hash").equalTo(fileHash))
                .limit(1).isEmpty();
    }

    /**
     * Removes the quarantined rows of a file, when the batch they belong to failed to commit its accepted
     * rows: the batch then leaves nothing behind and can be ingested again whole.
     */
    public void removeFile(String fileHash) {
        requireNonNull(fileHash, "fileHash is null");
        spark.sql("DELETE FROM " + TABLE.in(settings.catalogName()) + " WHERE file_hash = '" + fileHash.replace("'", "''") + "'");
    }
}
