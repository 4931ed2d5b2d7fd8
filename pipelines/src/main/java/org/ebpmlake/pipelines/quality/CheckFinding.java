package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import org.ebpmlake.schemas.QualityLevel;

/**
 * The result of one quality check on one dataset: which check, at what level, whether it held, and why not
 * (metric values and counts only, never a personal value).
 */
public record CheckFinding(String checkName, QualityLevel level, boolean passed, String message) {
    public CheckFinding {
        requireNonNull(checkName, "checkName is null");
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
    }

    public boolean blocks() {
        return !passed && level == QualityLevel.ERROR;
    }

    public String status() {
        return passed ? "success" : "failure";
    }
}
