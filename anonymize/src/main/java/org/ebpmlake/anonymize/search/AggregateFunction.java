package org.ebpmlake.anonymize.search;

/** How ARX's Loss metric combines the per-attribute losses into one figure. */
public enum AggregateFunction {
    /** ARX's default for {@code Metric.createLossMetric()}: (Π (lossᵢ + 1))^(1/n) − 1. */
    GEOMETRIC_MEAN,
    ARITHMETIC_MEAN;

    double aggregate(double[] attributeLosses) {
        switch (this) {
            case GEOMETRIC_MEAN: {
                double product = 1;
                for (double loss : attributeLosses) {
                    product *= Math.pow(loss + 1, 1.0 / attributeLosses.length);
                }
                return product - 1;
            }
            case ARITHMETIC_MEAN: {
                double sum = 0;
                for (double loss : attributeLosses) {
                    sum += loss;
                }
                return sum / attributeLosses.length;
            }
        }
        throw new AssertionError(this);
    }
}
