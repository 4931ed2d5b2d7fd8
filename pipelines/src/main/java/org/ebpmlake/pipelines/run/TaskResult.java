package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.ebpmlake.pipelines.ops.Outcome;

/**
 * How a task ended in a run: its outcome, after how many attempts, what a person should read about it (the failure,
 * the blocked check, the rejected file, or why it did not run) and, for a failed task, the last failure itself.
 */
public record TaskResult(String taskId, Outcome outcome, int attempts, String message, Optional<RuntimeException> failure) {
    public TaskResult {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(message, "message is null");
        requireNonNull(failure, "failure is null");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    TaskResult(String taskId, Outcome outcome, int attempts, String message) {
        this(taskId, outcome, attempts, message, Optional.empty());
    }
}
