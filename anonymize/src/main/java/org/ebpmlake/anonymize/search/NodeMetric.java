package org.ebpmlake.anonymize.search;

import java.util.List;

/**
 * A utility metric as the search uses it: a lower bound of a node's value from its levels alone, computed for
 * every node before any is grouped, and the value of a grouped node given which of its classes are suppressed.
 *
 * <p>The searches rely on two properties only, which every implementation keeps whether or not the metric is
 * monotone (ARX's Loss, AECS and the non-monotonic discernibility, precision and entropy are not, once records
 * may be suppressed): the bound never exceeds the node's value under any suppression the limit allows, and it
 * never decreases from a node to a coarser one. Neither search assumes that a coarser node scores worse.
 */
interface NodeMetric {
    double lowerBound(int[] levels);

    /**
     * Whether a node with nothing suppressed scores exactly its lower bound, so that without suppression the search
     * may take the bound for the value instead of grouping the node. False for the class-counting metrics, whose
     * bound only estimates the number of classes.
     */
    boolean boundIsExactWithoutSuppression();

    /**
     * The node's value. Classes of size 0 (in a population table only) release nothing and are skipped.
     *
     * @param failing which classes are suppressed
     * @param suppressedRecords records in the suppressed classes
     */
    Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords);

    /** The value, and each attribute's value before aggregation (empty for a metric of the whole table). */
    record Score(double value, double[] attributeValues) {
    }

    /** The configured metric over this input. */
    static NodeMetric of(EncodedInput input, AnonymizationConfiguration configuration) {
        return of(input, configuration.metric(), configuration);
    }

    static NodeMetric of(EncodedInput input, UtilityMetric metric, AnonymizationConfiguration configuration) {
        List<String> columns = configuration.quasiIdentifiers().stream().map(QuasiIdentifier::column).toList();
        double[] weights = metric.normalizedWeights(columns);
        long maximumSuppressed = configuration.maximumSuppressed(input.records);
        return switch (metric.kind()) {
            case LOSS -> new LossMetric(input, metric, weights);
            case AECS -> new AverageClassSizeMetric(input, metric, maximumSuppressed);
            case DISCERNIBILITY -> new DiscernibilityMetric(input);
            case PRECISION -> new PrecisionMetric(input, metric, weights, maximumSuppressed);
            case ENTROPY -> new EntropyMetric(input, metric, weights);
        };
    }
}
