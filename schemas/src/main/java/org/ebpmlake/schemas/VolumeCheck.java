package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

/**
 * A volume anomaly check in both directions: a batch holding more than {@code maxChangeFactor} times the rows
 * of the batch promoted before it, or less than its {@code 1 / maxChangeFactor}, is an anomaly (with 5, a 10×
 * duplicate delivery is as suspect as a 90 % drop). Every dataset with a schedule has one; this declares it
 * differently from {@link #DEFAULT}.
 */
public record VolumeCheck(double maxChangeFactor, QualityLevel level) {
    public static final VolumeCheck DEFAULT = new VolumeCheck(5.0, QualityLevel.ERROR);

    public VolumeCheck {
        if (!(maxChangeFactor > 1)) {
            throw new IllegalArgumentException("max_change_factor must be above 1, got " + maxChangeFactor);
        }
        requireNonNull(level, "level is null");
    }

    /** The smallest ratio of the new batch's rows to the previous batch's that is not an anomaly. */
    public double minRatio() {
        return 1 / maxChangeFactor;
    }
}
