package org.ebpmlake.anonymize.search;

/**
 * ARX's Loss metric (MetricMDNMLoss with gs-factor 0.5): per attribute, the records' domain shares summed,
 * a suppressed record counting 1, normalized so that the original data scores 0 and full suppression 1;
 * then the attributes' losses aggregated, by default with ARX's geometric mean.
 */
final class LossMetric {
    private final EncodedInput input;
    private final AggregateFunction aggregateFunction;

    LossMetric(EncodedInput input, AggregateFunction aggregateFunction) {
        this.input = input;
        this.aggregateFunction = aggregateFunction;
    }

    /** @param shareNumerators Σ over records of the domain share's numerator, exact */
    double attributeLoss(int attribute, long shareNumerators) {
        double sumOfShares = (double) shareNumerators / input.attributes[attribute].domainSize();
        double records = input.records;
        double minimum = records / input.attributes[attribute].domainSize();
        if (records - minimum <= 0) {
            return 0;
        }
        return Math.max(0, (sumOfShares - minimum) / (records - minimum));
    }

    double aggregate(double[] attributeLosses) {
        return aggregateFunction.aggregate(attributeLosses);
    }

    /** The loss of a node if nothing were suppressed: a lower bound of its loss and of every coarser node's. */
    double lowerBound(int[] levels) {
        double[] losses = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            losses[attribute] = attributeLoss(attribute, input.unsuppressedShares[attribute][levels[attribute]]);
        }
        return aggregate(losses);
    }
}
