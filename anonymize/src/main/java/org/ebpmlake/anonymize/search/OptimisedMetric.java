package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

/** The utility metric a search minimised and the value the chosen transformation has under it, for reports. */
public record OptimisedMetric(UtilityMetric metric, double value) {
    public OptimisedMetric {
        requireNonNull(metric, "metric is null");
    }

    /** As reports and the command print it, e.g. {@code precision(gs=0.5, arithmetic_mean) = 0.4167}. */
    @Override
    public String toString() {
        return metric.description() + " = " + value;
    }
}
