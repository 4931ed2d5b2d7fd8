package org.ebpmlake.anonymize.search;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a multi-dimensional metric combines the per-attribute values into one figure, each attribute's value
 * multiplied by its weight exactly where ARX's {@code ILMultiDimensional*} classes multiply it (weights are ARX's
 * attribute weights divided by the largest, so all 1 when none is declared).
 */
public enum AggregateFunction {
    /**
     * ARX's default for {@code Metric.createLossMetric()}: (Π ((vᵢ + 1) wᵢ))^(1/n) − 1. As in ARX, a weight only
     * scales every node's figure by the same factor, so weights do not change which node is optimal under it.
     */
    GEOMETRIC_MEAN,
    /** ARX's default for precision: Σ (vᵢ / n) wᵢ. */
    ARITHMETIC_MEAN,
    /** ARX's default for non-uniform entropy: Σ vᵢ wᵢ. */
    SUM;

    /** The function of this name, as policies and the command line write it: geometric_mean, arithmetic_mean, sum. */
    public static Optional<AggregateFunction> named(String name) {
        return Stream.of(values()).filter(function -> function.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    double aggregate(double[] values, double[] weights) {
        switch (this) {
            case GEOMETRIC_MEAN: {
                double product = 1;
                for (int attribute = 0; attribute < values.length; attribute++) {
                    product *= Math.pow((values[attribute] + 1) * weights[attribute], 1.0 / values.length);
                }
                return product - 1;
            }
            case ARITHMETIC_MEAN: {
                double sum = 0;
                for (int attribute = 0; attribute < values.length; attribute++) {
                    sum += values[attribute] / values.length * weights[attribute];
                }
                return sum;
            }
            case SUM: {
                double sum = 0;
                for (int attribute = 0; attribute < values.length; attribute++) {
                    sum += values[attribute] * weights[attribute];
                }
                if (Double.isInfinite(sum) || Double.isNaN(sum)) {
                    return Double.MAX_VALUE;
                }
                return sum;
            }
        }
        throw new AssertionError(this);
    }
}
