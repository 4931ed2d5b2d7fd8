package org.ebpmlake.pipelines.evaluation;

/** An estimated effect with its cluster-robust standard error and confidence interval. */
public record Effect(double estimate, double standardError, double low, double high) {
    public Effect {
        if (!(low <= estimate && estimate <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] does not hold the estimate " + estimate);
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
