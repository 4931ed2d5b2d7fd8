package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

/** One unit's value of the metric in one period (the period's index into the panel's periods). */
public record PanelObservation(String unit, int period, double value) {
    public PanelObservation {
        requireNonNull(unit, "unit is null");
        if (period < 0) {
            throw new IllegalArgumentException("period index must not be negative, got " + period);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + unit + " in period " + period + " is not finite: " + value);
        }
    }
}
