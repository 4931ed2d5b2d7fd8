package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import org.ebpmlake.reference.KpiStatus;

/**
 * A KPI's standing: its latest actual, the value its straight-line trajectory expects for that year,
 * progress from baseline to target (0 at baseline, 1 at target), the status, and the value the actuals'
 * trend forecasts for the target year.
 */
public record KpiProgress(String kpiId, Optional<KpiActual> latest, OptionalDouble expectedValue,
        OptionalDouble progressRatio, KpiStatus status, OptionalDouble forecastValue) {
    public KpiProgress {
        requireNonNull(kpiId, "kpiId is null");
        requireNonNull(latest, "latest is null");
        requireNonNull(expectedValue, "expectedValue is null");
        requireNonNull(progressRatio, "progressRatio is null");
        requireNonNull(status, "status is null");
        requireNonNull(forecastValue, "forecastValue is null");
    }
}
