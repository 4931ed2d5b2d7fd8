package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The comparison ClusterIT relies on tells equal tables from tables differing in one cell, one row or one duplicate. */
@ExtendWith(LakeExtension.class)
class LakeTableEqualityTest {
    @Test
    void equalRowsInAnotherOrderAndAnotherRunAreEqual(TemporaryLake left, TemporaryLake right) {
        rows(left, "(1, 'a', 'run-1'), (2, 'b', 'run-1'), (2, 'b', 'run-1')");
        rows(right, "(2, 'b', 'run-2'), (1, 'a', 'run-2'), (2, 'b', 'run-2')");

        assertThatCode(() -> LakeTableEquality.assertSameRows(left, right, "ops.t")).doesNotThrowAnyException();
    }

    @Test
    void oneDifferentCellIsADifference(TemporaryLake left, TemporaryLake right) {
        rows(left, "(1, 'a', 'run-1'), (2, 'b', 'run-1')");
        rows(right, "(1, 'a', 'run-1'), (2, 'c', 'run-1')");

        assertThatThrownBy(() -> LakeTableEquality.assertSameRows(left, right, "ops.t")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aMissingDuplicateIsADifference(TemporaryLake left, TemporaryLake right) {
        rows(left, "(1, 'a', 'run-1'), (1, 'a', 'run-1')");
        rows(right, "(1, 'a', 'run-1')");

        assertThatThrownBy(() -> LakeTableEquality.assertSameRows(left, right, "ops.t")).isInstanceOf(AssertionError.class);
    }

    private static void rows(TemporaryLake lake, String values) {
        lake.spark().sql("CREATE NAMESPACE IF NOT EXISTS " + lake.settings().catalogName() + ".ops");
        lake.spark().sql("CREATE TABLE " + lake.table("ops.t") + " (id INT, value STRING, run_id STRING) USING iceberg");
        lake.spark().sql("INSERT INTO " + lake.table("ops.t") + " VALUES " + values);
    }
}
