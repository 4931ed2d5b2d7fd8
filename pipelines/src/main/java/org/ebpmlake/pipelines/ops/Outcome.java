package org.ebpmlake.pipelines.ops;

import java.util.Locale;

/** How a stage of a run ended. */
public enum Outcome {
    SUCCEEDED,
    /** Nothing to do: the input was already in the lake. */
    SKIPPED,
    FAILED,
    /** Not done: an error-level quality check failed, so the last good data stays where it is. */
    BLOCKED,
    /** A delivered file could not be read as a whole: nothing of it entered the lake, and it was moved aside with the reason. */
    REJECTED,
    /** Not started: a task it depends on failed in this run, so its input is not there. */
    NOT_RUN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the lake kept something back that a steward must look at (a blocked batch, a rejected file). */
    public boolean heldBack() {
        return switch (this) {
            case BLOCKED, REJECTED -> true;
            case SUCCEEDED, SKIPPED, FAILED, NOT_RUN -> false;
        };
    }
}
