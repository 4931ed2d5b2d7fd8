package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One row of {@code ops.runs}: a stage of a run, the table it wrote, when, and with what result. */
public record StageRecord(String runId, String stage, String tableName, Instant startedAt, Instant endedAt, StageOutput output) {
    public StageRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(stage, "stage is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(output, "output is null");
    }
}
