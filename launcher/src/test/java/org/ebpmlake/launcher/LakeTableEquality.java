package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.TemporaryLake;

/**
 * Row-for-row equality of a table in two lakes, by spark-testing-base's DataFrame comparison (the schema first, then
 * every row, in any order, duplicates counted), with the columns that name a run, a batch or a moment left out as
 * {@link TableFingerprints} leaves them out.
 *
 * <p>Only the comparison of spark-testing-base is used: its suite base classes are JUnit 4's and start a Spark of their
 * own, while both lakes here are mounted in the test's one session.
 */
final class LakeTableEquality {
    private static final JavaDataFrameSuiteBase DATA_FRAMES = new JavaDataFrameSuiteBase();

    private LakeTableEquality() {
    }

    /** Fails (an {@link AssertionError} naming the differing rows) unless the table holds the same rows in both lakes. */
    static void assertSameRows(TemporaryLake expected, TemporaryLake actual, String table) {
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(table, "table is null");
        DATA_FRAMES.assertDataFrameNoOrderEquals(stable(expected, table), stable(actual, table));
    }

    private static Dataset<Row> stable(TemporaryLake lake, String table) {
        Dataset<Row> rows = lake.spark().table(lake.table(table));
        Column[] kept = Arrays.stream(rows.columns()).filter(column -> !TableFingerprints.VOLATILE_COLUMN.matcher(column).matches())
                .map(column -> rows.col("`" + column + "`")).toArray(Column[]::new);
        return rows.select(kept);
    }
}
