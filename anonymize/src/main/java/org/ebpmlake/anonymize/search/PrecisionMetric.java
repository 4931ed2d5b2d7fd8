package org.ebpmlake.anonymize.search;

/**
 * ARX's non-monotonic precision (MetricMDNMPrecision, after Sweeney 2002): per attribute, a kept record costs its
 * level over the hierarchy's height times the generalization factor, a suppressed record the suppression factor,
 * averaged over the records; then the attributes aggregated with their weights, by default by the arithmetic mean.
 */
final class PrecisionMetric implements NodeMetric {
    private final EncodedInput input;
    private final AggregateFunction aggregateFunction;
    private final double[] weights;
    private final double generalizationFactor;
    private final double suppressionFactor;
    private final long maximumSuppressed;

    PrecisionMetric(EncodedInput input, UtilityMetric metric, double[] weights, long maximumSuppressed) {
        this.input = input;
        this.aggregateFunction = metric.aggregateFunction();
        this.weights = weights.clone();
        this.generalizationFactor = metric.generalizationFactor();
        this.suppressionFactor = metric.suppressionFactor();
        this.maximumSuppressed = maximumSuppressed;
    }

    private double attributePrecision(int attribute, int level, long keptRecords, long suppressedRecords) {
        int height = input.attributes[attribute].levels() - 1;
        double share = 0;
        if (height > 0) {
            share = (double) level / height;
        }
        return ((double) keptRecords * share * generalizationFactor + (double) suppressedRecords * suppressionFactor)
                / input.records;
    }

    private double[] attributeValues(int[] levels, long suppressedRecords) {
        double[] values = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            values[attribute] = attributePrecision(attribute, levels[attribute], input.records - suppressedRecords,
                    suppressedRecords);
        }
        return values;
    }

    /**
     * The value is linear in the number of suppressed records, so its least over what the limit allows is at no
     * suppression or at the most; ARX's own bound (no suppression) would overestimate when suppressing is the
     * cheaper (a gs-factor below 0.5 on a coarse level).
     */
    @Override
    public double lowerBound(int[] levels) {
        double unsuppressed = aggregateFunction.aggregate(attributeValues(levels, 0), weights);
        if (maximumSuppressed == 0) {
            return unsuppressed;
        }
        return Math.min(unsuppressed, aggregateFunction.aggregate(attributeValues(levels, maximumSuppressed), weights));
    }

    @Override
    public boolean boundIsExactWithoutSuppression() {
        return true;
    }

    @Override
    public Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords) {
        double[] values = attributeValues(levels, suppressedRecords);
        return new Score(aggregateFunction.aggregate(values, weights), values);
    }
}
