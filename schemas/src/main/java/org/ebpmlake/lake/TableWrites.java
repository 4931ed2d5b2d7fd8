package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.functions;

/**
 * The ways stages write a whole result into an Iceberg table, each a single commit. Tables are
 * created from declarations beforehand, so a missing table is a setup error, reported as such.
 */
public final class TableWrites {
    private TableWrites() {
    }

    public static void append(Dataset<Row> rows, String table) {
        requireNonNull(rows, "rows is null");
        requireNonNull(table, "table is null");
        try {
            rows.writeTo(table).append();
        } catch (NoSuchTableException e) {
            throw missing(table, e);
        }
    }

    /** Replaces every row of the table with {@code rows}, atomically: readers see the old rows or the new. */
    public static void replaceAll(Dataset<Row> rows, String table) {
        requireNonNull(rows, "rows is null");
        requireNonNull(table, "table is null");
        try {
            rows.writeTo(table).overwrite(functions.lit(true));
        } catch (NoSuchTableException e) {
            throw missing(table, e);
        }
    }

    /**
     * Merges {@code rows} into the table in one commit: {@code MERGE INTO <table> t USING <rows> s} followed
     * by the caller's {@code ON ... WHEN ...} clauses, which name the table {@code t} and the rows {@code s}.
     */
    public static void merge(Dataset<Row> rows, String table, String clauses) {
        requireNonNull(rows, "rows is null");
        requireNonNull(table, "table is null");
        requireNonNull(clauses, "clauses is null");
        String view = "merge_source_" + Long.toHexString(System.nanoTime());
        rows.createOrReplaceTempView(view);
        try {
            rows.sparkSession().sql("MERGE INTO " + table + " t USING " + view + " s " + clauses);
        } finally {
            rows.sparkSession().catalog().dropTempView(view);
        }
    }

    private static IllegalStateException missing(String table, NoSuchTableException cause) {
        return new IllegalStateException("table " + table + " does not exist: create the lake's tables first", cause);
    }
}
