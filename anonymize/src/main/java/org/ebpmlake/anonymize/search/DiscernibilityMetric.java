package org.ebpmlake.anonymize.search;

/**
 * ARX's non-monotonic discernibility (MetricSDNMDiscernability): Σ kept class size² + suppressed records × all
 * records, each record charged the number of records it cannot be told apart from. Summed in whole numbers, so
 * exact up to 2⁵³ (some 94 million records).
 */
final class DiscernibilityMetric implements NodeMetric {
    private final EncodedInput input;
    private final ClassCountCeiling ceiling;

    DiscernibilityMetric(EncodedInput input) {
        this.input = input;
        this.ceiling = new ClassCountCeiling(input);
    }

    /**
     * Σ size² over m classes of n records is at least n² / m, and a suppressed class costs more than its size²; a
     * node's classes are also unions of the input's own, so never below their Σ size².
     */
    @Override
    public double lowerBound(int[] levels) {
        long records = input.records;
        long spread = Math.multiplyExact(records, records) / Math.max(1, ceiling.maximumClasses(levels));
        return Math.max(spread, ceiling.bottomSquares());
    }

    @Override
    public boolean boundIsExactWithoutSuppression() {
        return false;
    }

    @Override
    public Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords) {
        return new Score(discernibility(classes, failing, input.records), new double[0]);
    }

    /** The discernibility of a grouped node, which every report states whatever metric was optimised. */
    static double discernibility(ClassGrouping.Classes classes, boolean[] failing, long records) {
        long sum = 0;
        long suppressed = 0;
        for (int number = 0; number < classes.count(); number++) {
            long size = classes.sizes()[number];
            if (failing[number]) {
                suppressed += size;
            } else {
                sum += size * size;
            }
        }
        return sum + suppressed * records;
    }
}
