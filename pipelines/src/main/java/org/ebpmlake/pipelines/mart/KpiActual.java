package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

/** A KPI's value for a fiscal year, and where it came from ({@code reported} or {@code derived:<dataset>}). */
public record KpiActual(String kpiId, int fiscalYear, double value, String source) {
    public KpiActual {
        requireNonNull(kpiId, "kpiId is null");
        requireNonNull(source, "source is null");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("actual of " + kpiId + " for " + fiscalYear + " is not a finite number");
        }
    }
}
