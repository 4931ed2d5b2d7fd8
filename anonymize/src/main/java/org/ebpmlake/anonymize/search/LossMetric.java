package org.ebpmlake.anonymize.search;

/**
 * ARX's Loss metric (MetricMDNMLoss): per attribute, the records' domain shares summed, a kept record's share
 * times the generalization factor, a suppressed record's share plus the suppression factor times the rest of a
 * whole record (so 1 at the default gs-factor 0.5), normalized so that the original data scores 0 and full
 * suppression 1; then the attributes' losses aggregated with their weights, by default with ARX's geometric mean.
 * The shares are summed as whole numbers (numerators over the domain size), so a node's loss does not depend on
 * the order its tuples were summed in.
 */
final class LossMetric implements NodeMetric {
    private final EncodedInput input;
    private final AggregateFunction aggregateFunction;
    private final double[] weights;
    private final double generalizationFactor;
    private final double suppressionFactor;
    /** The aggregate's term of each attribute at each level when nothing is suppressed. */
    private final double[][] unsuppressedTerms;
    /**
     * The terms of the node being bounded. A search bounds every node of the lattice before checking any, so one
     * buffer serves them all rather than an array per node; each search makes its own metric, so it is never shared.
     */
    private final double[] boundTerms;

    LossMetric(EncodedInput input, UtilityMetric metric, double[] weights) {
        this.input = input;
        this.aggregateFunction = metric.aggregateFunction();
        this.weights = weights.clone();
        this.generalizationFactor = metric.generalizationFactor();
        this.suppressionFactor = metric.suppressionFactor();
        // The bound of every node of the lattice is combined from these: one term per attribute and level.
        int attributes = input.dimensions();
        this.unsuppressedTerms = new double[attributes][];
        this.boundTerms = new double[attributes];
        for (int attribute = 0; attribute < attributes; attribute++) {
            long[] shares = input.unsuppressedShares[attribute];
            unsuppressedTerms[attribute] = new double[shares.length];
            for (int level = 0; level < shares.length; level++) {
                unsuppressedTerms[attribute][level] = aggregateFunction.term(attributeLoss(attribute, shares[level], 0, 0),
                        weights[attribute], attributes);
            }
        }
    }

    /**
     * @param keptShares Σ over kept records of the domain share's numerator, exact
     * @param suppressedShares the same over suppressed records
     */
    double attributeLoss(int attribute, long keptShares, long suppressedShares, long suppressedRecords) {
        int domainSize = input.attributes[attribute].domainSize();
        double records = input.records;
        double sum;
        if (generalizationFactor == 1 && suppressionFactor == 1) {
            // ARX's default: a suppressed record counts a whole share, the domain size over the domain size.
            sum = (double) (keptShares + suppressedRecords * domainSize) / domainSize;
        } else {
            double suppressedShare = (double) suppressedShares / domainSize;
            double suppressedLoss;
            if (suppressionFactor == 1) {
                suppressedLoss = suppressedRecords;
            } else {
                suppressedLoss = suppressedShare + suppressionFactor * (suppressedRecords - suppressedShare);
            }
            sum = generalizationFactor * keptShares / domainSize + suppressedLoss;
        }
        double minimum = generalizationFactor * records / domainSize;
        if (records - minimum <= 0) {
            return 0;
        }
        return Math.max(0, (sum - minimum) / (records - minimum));
    }

    /**
     * The loss if nothing were suppressed: a suppressed record's term, share + s × (1 − share) per record, is at
     * least its share and so at least g × share, whatever the factors.
     */
    @Override
    public double lowerBound(int[] levels) {
        for (int attribute = 0; attribute < levels.length; attribute++) {
            boundTerms[attribute] = unsuppressedTerms[attribute][levels[attribute]];
        }
        return aggregateFunction.combine(boundTerms);
    }

    @Override
    public boolean boundIsExactWithoutSuppression() {
        return true;
    }

    @Override
    public Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords) {
        long[] suppressedShares = new long[levels.length];
        if (suppressedRecords > 0) {
            for (int number = 0; number < classes.count(); number++) {
                long size = classes.sizes()[number];
                if (size == 0 || !failing[number]) {
                    continue;
                }
                int representative = classes.representatives()[number];
                for (int attribute = 0; attribute < levels.length; attribute++) {
                    suppressedShares[attribute] += size * input.attributes[attribute].groupSize(levels[attribute],
                            input.quasiIdentifierCodes[attribute][representative]);
                }
            }
        }
        double[] losses = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            long allShares = input.unsuppressedShares[attribute][levels[attribute]];
            losses[attribute] = attributeLoss(attribute, allShares - suppressedShares[attribute], suppressedShares[attribute],
                    suppressedRecords);
        }
        return new Score(aggregateFunction.aggregate(losses, weights), losses);
    }
}
