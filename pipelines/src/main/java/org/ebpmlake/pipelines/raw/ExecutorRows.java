package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * A dataset's rows kept on the executors, as Spark's own rows, for the several passes made over a parsed delivery
 * (counts, duplicate keys, quarantine, the raw commit), until {@link #release}.
 *
 * <p>Kept by a local checkpoint rather than {@code persist()}: Spark's dataset cache builds compressed column batches
 * with statistics, which was a third of the time of ingesting the city's registry; a local checkpoint keeps each
 * partition's rows as they are (in memory, spilling to the executor's disk). The price is Spark's own warning about
 * local checkpoints: rows on an executor that is lost cannot be computed again, so the ingestion fails (and, like any
 * failed ingestion, leaves the lake as it was) where a cache would have recomputed them.
 */
final class ExecutorRows {
    private final Dataset<Row> rows;

    private ExecutorRows(Dataset<Row> rows) {
        this.rows = rows;
    }

    /** Keeps the rows from the first pass over them on (lazily: the first action computes them once). */
    static ExecutorRows keep(Dataset<Row> rows) {
        requireNonNull(rows, "rows is null");
        return new ExecutorRows(rows.localCheckpoint(false));
    }

    Dataset<Row> rows() {
        return rows;
    }

    /**
     * Lets the kept rows go. {@code Dataset.unpersist} does not reach a checkpoint's blocks; they belong to the RDD the
     * checkpointed plan reads, which Spark would otherwise free only when that RDD is garbage collected.
     */
    void release() {
        LogicalPlan plan = rows.queryExecution().logical();
        if (plan instanceof LogicalRDD checkpointed) {
            checkpointed.rdd().unpersist(true);
        }
    }
}
