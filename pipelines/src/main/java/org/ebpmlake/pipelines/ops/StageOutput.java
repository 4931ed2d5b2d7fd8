package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

/** What a stage did: rows it read, rows it wrote, and a message for the run log (never a personal value). */
public record StageOutput(long rowsIn, long rowsOut, Outcome outcome, String message) {
    public StageOutput {
        if (rowsIn < 0 || rowsOut < 0) {
            throw new IllegalArgumentException("row counts cannot be negative");
        }
        requireNonNull(outcome, "outcome is null");
        requireNonNull(message, "message is null");
    }

    public static StageOutput succeeded(long rowsIn, long rowsOut, String message) {
        return new StageOutput(rowsIn, rowsOut, Outcome.SUCCEEDED, message);
    }

    public static StageOutput blocked(long rowsIn, String message) {
        return new StageOutput(rowsIn, 0, Outcome.BLOCKED, message);
    }
}
