package org.ebpmlake.pipelines.ops;

import java.util.Locale;

/** How a stage of a run ended. */
public enum Outcome {
    SUCCEEDED,
    /** Nothing to do: the input was already in the lake. */
    SKIPPED,
    FAILED,
    /** Not done: an error-level quality check failed, so the last good data stays where it is. */
    BLOCKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
