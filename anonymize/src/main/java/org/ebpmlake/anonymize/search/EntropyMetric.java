package org.ebpmlake.anonymize.search;

/**
 * ARX's non-monotonic non-uniform entropy (MetricMDNUNMEntropyPrecomputed), in bits: per attribute, each record
 * costs −log₂ of the share its original value has among the records generalized to the same value (times the
 * generalization factor; suppression does not undo that part), and the suppressed records add, times the
 * suppression factor, −log₂ of the share their generalized value has among the suppressed; then the attributes
 * aggregated with their weights, by default summed. The generalization part depends only on the levels, so it is
 * computed once per attribute and level, in hierarchy order, and a node's value does not depend on how its tuples
 * were grouped.
 */
final class EntropyMetric implements NodeMetric {
    private static final double LOG2 = Math.log(2);

    private final EncodedInput input;
    private final AggregateFunction aggregateFunction;
    private final double[] weights;
    private final double generalizationFactor;
    private final double suppressionFactor;
    /** Σ a·log₂(a / b) per attribute and level (≤ 0): a records of a value, b records of its generalization. */
    private final double[][] generalizationSums;

    EntropyMetric(EncodedInput input, UtilityMetric metric, double[] weights) {
        this.input = input;
        this.aggregateFunction = metric.aggregateFunction();
        this.weights = weights.clone();
        this.generalizationFactor = metric.generalizationFactor();
        this.suppressionFactor = metric.suppressionFactor();
        this.generalizationSums = new double[input.dimensions()][];
        for (int attribute = 0; attribute < input.dimensions(); attribute++) {
            AttributeEncoding encoding = input.attributes[attribute];
            long[] valueCounts = new long[encoding.domainSize()];
            int[] codes = input.quasiIdentifierCodes[attribute];
            for (int tuple = 0; tuple < input.tuples(); tuple++) {
                valueCounts[codes[tuple]] += input.tupleCounts[tuple];
            }
            generalizationSums[attribute] = new double[encoding.levels()];
            for (int level = 0; level < encoding.levels(); level++) {
                int[] generalization = encoding.generalization(level);
                long[] generalizedCounts = new long[encoding.generalizedDomainSize(level)];
                for (int code = 0; code < valueCounts.length; code++) {
                    generalizedCounts[generalization[code]] += valueCounts[code];
                }
                double sum = 0;
                for (int code = 0; code < valueCounts.length; code++) {
                    double records = valueCounts[code];
                    if (records != 0) {
                        sum += records * log2(records / generalizedCounts[generalization[code]]);
                    }
                }
                generalizationSums[attribute][level] = sum;
            }
        }
    }

    private static double log2(double value) {
        return Math.log(value) / LOG2;
    }

    /** A sum of non-positive terms as ARX reports it: negated, and 0 kept as 0 rather than −0. */
    private static double negated(double sum) {
        if (sum == 0) {
            return sum;
        }
        return -sum;
    }

    /** The entropy with nothing suppressed; suppression only adds its own non-negative part. */
    @Override
    public double lowerBound(int[] levels) {
        double[] values = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            values[attribute] = negated(generalizationSums[attribute][levels[attribute]] * generalizationFactor);
        }
        return aggregateFunction.aggregate(values, weights);
    }

    @Override
    public boolean boundIsExactWithoutSuppression() {
        return true;
    }

    @Override
    public Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords) {
        double[] values = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            double sum = generalizationSums[attribute][levels[attribute]] * generalizationFactor;
            if (suppressedRecords > 0) {
                AttributeEncoding encoding = input.attributes[attribute];
                int[] generalization = encoding.generalization(levels[attribute]);
                int[] codes = input.quasiIdentifierCodes[attribute];
                long[] suppressedCounts = new long[encoding.generalizedDomainSize(levels[attribute])];
                for (int number = 0; number < classes.count(); number++) {
                    if (failing[number] && classes.sizes()[number] > 0) {
                        suppressedCounts[generalization[codes[classes.representatives()[number]]]] += classes.sizes()[number];
                    }
                }
                for (long count : suppressedCounts) {
                    if (count > 0) {
                        sum += count * log2((double) count / suppressedRecords) * suppressionFactor;
                    }
                }
            }
            values[attribute] = negated(sum);
        }
        return new Score(aggregateFunction.aggregate(values, weights), values);
    }
}
