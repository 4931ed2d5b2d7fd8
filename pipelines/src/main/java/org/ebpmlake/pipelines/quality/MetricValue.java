package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

/** One measured metric of a dataset, such as {@code Completeness} of column {@code grade}, or {@code Size} of {@code *}. */
record MetricValue(String metric, String instance, double value) {
    /** Deequ's name for the row count of the checked rows. */
    static final String SIZE = "Size";
    static final String BATCH_SIZE = "BatchSize";
    static final String WHOLE_TABLE = "*";

    MetricValue {
        requireNonNull(metric, "metric is null");
        requireNonNull(instance, "instance is null");
    }
}
