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
        double[] terms = new double[values.length];
        for (int attribute = 0; attribute < values.length; attribute++) {
            terms[attribute] = term(values[attribute], weights[attribute], values.length);
        }
        return combine(terms);
    }

    /**
     * One attribute's part of the aggregate. {@link #aggregate} is exactly {@link #combine} of these, so a search can
     * compute each attribute's term once per level and get the very same figure for every node.
     */
    double term(double value, double weight, int attributes) {
        switch (this) {
            case GEOMETRIC_MEAN:
                return Math.pow((value + 1) * weight, 1.0 / attributes);
            case ARITHMETIC_MEAN:
                return value / attributes * weight;
            case SUM:
                return value * weight;
        }
        throw new AssertionError(this);
    }

    /** The aggregate of the attributes' terms, combined in attribute order. */
    double combine(double[] terms) {
        switch (this) {
            case GEOMETRIC_MEAN: {
                double product = 1;
                for (double term : terms) {
                    product *= term;
                }
                return product - 1;
            }
            case ARITHMETIC_MEAN: {
                double sum = 0;
                for (double term : terms) {
                    sum += term;
                }
                return sum;
            }
            case SUM: {
                double sum = 0;
                for (double term : terms) {
                    sum += term;
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
