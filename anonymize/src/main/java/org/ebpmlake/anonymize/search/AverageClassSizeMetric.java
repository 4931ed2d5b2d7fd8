package org.ebpmlake.anonymize.search;

/**
 * ARX's average equivalence class size (MetricSDAECS): the records over the number of classes, the suppressed
 * records counting as one more class. As in ARX the factors are switched: the kept classes count the suppression
 * factor each, the class of the suppressed the generalization factor. Not normalized, as ARX does not.
 */
final class AverageClassSizeMetric implements NodeMetric {
    private final EncodedInput input;
    private final ClassCountCeiling ceiling;
    private final double keptClassFactor;
    private final double suppressedClassFactor;
    private final boolean suppressionAllowed;

    AverageClassSizeMetric(EncodedInput input, UtilityMetric metric, long maximumSuppressed) {
        this.input = input;
        this.ceiling = new ClassCountCeiling(input);
        this.keptClassFactor = metric.suppressionFactor();
        this.suppressedClassFactor = metric.generalizationFactor();
        this.suppressionAllowed = maximumSuppressed > 0;
    }

    private double value(long keptClasses, boolean someSuppressed) {
        double classes = keptClasses * keptClassFactor;
        if (someSuppressed) {
            classes += suppressedClassFactor;
        }
        return input.records / classes;
    }

    /** The most classes the node can have, each kept, and one class of suppressed records if any may be. */
    @Override
    public double lowerBound(int[] levels) {
        return value(ceiling.maximumClasses(levels), suppressionAllowed);
    }

    @Override
    public boolean boundIsExactWithoutSuppression() {
        return false;
    }

    @Override
    public Score score(int[] levels, ClassGrouping.Classes classes, boolean[] failing, long suppressedRecords) {
        long kept = 0;
        for (int number = 0; number < classes.count(); number++) {
            if (classes.sizes()[number] > 0 && !failing[number]) {
                kept++;
            }
        }
        return new Score(value(kept, suppressedRecords > 0), new double[0]);
    }
}
