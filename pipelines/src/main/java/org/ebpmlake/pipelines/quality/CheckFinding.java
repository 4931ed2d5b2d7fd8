package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.QualityLevel;

/**
 * The result of one quality check: which check, at what level, whether it held, and why, in plain Japanese and in
 * English (counts and shares only, never a personal value).
 */
public record CheckFinding(String checkName, QualityLevel level, boolean passed, LocalizedText explanation) {
    public CheckFinding {
        requireNonNull(checkName, "checkName is null");
        requireNonNull(level, "level is null");
        requireNonNull(explanation, "explanation is null");
    }

    public boolean blocks() {
        return !passed && level == QualityLevel.ERROR;
    }

    public String status() {
        if (passed) {
            return "success";
        }
        return "failure";
    }
}
