package org.ebpmlake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ebpmlake.schemas.DeliverySchedule;

/**
 * One named task of the pipeline: what it reads and writes (from which the graph's edges follow), when it runs, how
 * long it may take and how often it is tried again after a failure. The embedded runner and every Airflow DAG run
 * exactly these tasks.
 *
 * @param id the name a person and Airflow use, such as {@code ingest.residents} or {@code deid.students}
 * @param subject the dataset, policy or mart the task is about
 * @param retries how many times a failed attempt is tried again
 */
public record PipelineTask(String id, TaskKind kind, String subject, Set<TableSlice> reads, Set<TableSlice> writes,
        DeliverySchedule schedule, Duration timeout, int retries) {

    public PipelineTask {
        requireNonNull(id, "id is null");
        if (!id.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?")) {
            throw new IllegalArgumentException("a task id is lower snake case with at most one dot, such as ingest.residents: '" + id + "'");
        }
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        reads = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(reads, "reads is null")));
        writes = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(writes, "writes is null")));
        requireNonNull(schedule, "schedule is null");
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("task " + id + ": the timeout must be positive");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("task " + id + ": retries cannot be negative");
        }
    }

    /** Whether the task writes rows that {@code read} reads. */
    public boolean writesInto(TableSlice read) {
        requireNonNull(read, "read is null");
        return writes.stream().anyMatch(write -> write.overlaps(read));
    }
}
