package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

/**
 * A volume anomaly check: the newest batch must hold at least {@code minRatioToPrevious} times the rows of the
 * batch promoted before it (0.5: a batch under half the usual size is an anomaly).
 */
public record VolumeCheck(double minRatioToPrevious, QualityLevel level) {
    public VolumeCheck {
        if (!(minRatioToPrevious > 0 && minRatioToPrevious < 1)) {
            throw new IllegalArgumentException("min_ratio_to_previous must be between 0 and 1, got " + minRatioToPrevious);
        }
        requireNonNull(level, "level is null");
    }
}
