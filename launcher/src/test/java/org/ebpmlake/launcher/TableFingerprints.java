package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.TemporaryLake;

/**
 * Row count and an order-free content checksum of every table in a lake, read in full (not from metadata), so two
 * lakes built from the same sources can be compared table by table.
 *
 * <p>Columns that say <em>when</em>, <em>from where</em> or <em>in which run</em> a row was written differ between any
 * two runs by design and are left out.
 */
final class TableFingerprints {
    /**
     * Columns whose values name the run, the batch, the lake's folder or the moment of writing, not the data; named
     * one by one, since a data column may end in {@code _at} too ({@code visited_at}, {@code pinged_at}).
     */
    static final Pattern VOLATILE_COLUMN = Pattern.compile(
            "_ingested_at|_batch_id|_source_file|batch_id|source_file|run_id|quarantined_at|reported_at|created_at|received_at"
                    + "|snapshot_id|evaluated_at");

    private TableFingerprints() {
    }

    record Fingerprint(long rows, String checksum) {
        Fingerprint {
            requireNonNull(checksum, "checksum is null");
        }
    }

    /** Every table of the lake's zones but {@code ops} (whose run logs grow with each run), and the quarantine. */
    static Map<String, Fingerprint> of(TemporaryLake lake) {
        Map<String, Fingerprint> fingerprints = new TreeMap<>();
        for (String zone : List.of("raw", "curated", "deid", "mart")) {
            for (Row table : lake.spark().sql("SHOW TABLES IN " + lake.settings().catalogName() + "." + zone).collectAsList()) {
                String name = zone + "." + table.getString(1);
                fingerprints.put(name, of(lake, name));
            }
        }
        return fingerprints;
    }

    /**
     * The rows of the table's current snapshot as its commit recorded them ({@code total-records} of the snapshot
     * summary), 0 for a table without a snapshot: what a full read of a consistent table must count.
     */
    static long committedRows(TemporaryLake lake, String table) {
        String name = lake.table(table);
        List<Row> current = lake.spark().sql("SELECT cast(s.summary['total-records'] AS BIGINT) FROM " + name + ".snapshots s JOIN "
                + name + ".history h ON s.snapshot_id = h.snapshot_id WHERE h.is_current_ancestor ORDER BY h.made_current_at DESC LIMIT 1")
                .collectAsList();
        return current.isEmpty() ? 0 : current.get(0).getLong(0);
    }

    /**
     * The columns of a table whose contents differ between two lakes (each column's order-free checksum), volatile ones
     * included, so a failed comparison says where to look.
     */
    static List<String> differingColumns(TemporaryLake left, TemporaryLake right, String table) {
        List<String> differing = new ArrayList<>();
        for (String column : left.spark().table(left.table(table)).columns()) {
            if (!columnChecksum(left, table, column).equals(columnChecksum(right, table, column))) {
                differing.add(column + (VOLATILE_COLUMN.matcher(column).matches() ? " (left out)" : ""));
            }
        }
        return differing;
    }

    private static String columnChecksum(TemporaryLake lake, String table, String column) {
        return lake.spark().sql("SELECT coalesce(cast(sum(cast(xxhash64(to_json(struct(`" + column + "`))) AS DECIMAL(38,0)))"
                + " AS STRING), '0') FROM " + lake.table(table)).first().getString(0);
    }

    static Fingerprint of(TemporaryLake lake, String table) {
        String[] columns = lake.spark().table(lake.table(table)).columns();
        String kept = Arrays.stream(columns).filter(column -> !VOLATILE_COLUMN.matcher(column).matches())
                .map(column -> "`" + column + "`").collect(Collectors.joining(", "));
        // to_json handles maps and arrays, which Spark's hash functions refuse; decimal(38,0) sums without overflow.
        Row row = lake.spark().sql("SELECT count(*), coalesce(cast(sum(cast(xxhash64(to_json(struct(" + kept
                + "))) AS DECIMAL(38,0))) AS STRING), '0') FROM " + lake.table(table)).first();
        return new Fingerprint(row.getLong(0), row.getString(1));
    }
}
