package org.ebpmlake.anonymize;

import java.util.Optional;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * k-map (Sweeney): every released class matches at least k records of the population, counted in the population
 * table the release is drawn from (the registry for a resident extract). Without a population table ARX estimates
 * the population's class sizes instead ({@link #estimatedK}): then k-map becomes k'-anonymity of the sample.
 */
public record KMap(int k) implements PrivacyModel {
    public KMap {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
    }

    /** How ARX estimates population cell sizes when no population table is given (El Emam and Dankar 2008). */
    public enum CellSizeEstimator {
        /** Pannekoek's D3: Poisson. */
        POISSON,
        /** D4: zero-truncated Poisson. */
        ZERO_TRUNCATED_POISSON
    }

    /**
     * ARX's derived k': the smallest sample class size that makes a population class of at least k records likely
     * at the given significance, for a sample drawn with the given fraction; never above k nor the sample's size.
     */
    public static int estimatedK(int k, double significance, double samplingFraction, CellSizeEstimator estimator,
            long records) {
        if (!(significance >= 0 && significance <= 1)) {
            throw new IllegalArgumentException("the significance level must be in [0, 1], got " + significance);
        }
        double lambda = samplingFraction * k;
        double threshold = 1 - significance;
        PoissonDistribution distribution = new PoissonDistribution((RandomGenerator) null, lambda,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        int derived;
        switch (estimator) {
            case POISSON: {
                int counter = 0;
                double value = 0;
                while (value < threshold) {
                    value = distribution.cumulativeProbability(counter);
                    counter++;
                    if (counter >= k) {
                        break;
                    }
                }
                derived = counter + 1;
                break;
            }
            case ZERO_TRUNCATED_POISSON: {
                double nonZero = 1 - distribution.probability(0);
                int counter = 1;
                double value = 0;
                while (value < threshold) {
                    value += distribution.probability(counter) / nonZero;
                    counter++;
                    if (counter >= k) {
                        break;
                    }
                }
                derived = counter;
                break;
            }
            default:
                throw new AssertionError(estimator);
        }
        return (int) Math.min(k, Math.min(derived, records));
    }

    @Override
    public Optional<String> sensitiveAttribute() {
        return Optional.empty();
    }

    @Override
    public boolean survivesMergingWithAnyClass() {
        return true;
    }

    @Override
    public boolean needsPopulation() {
        return true;
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        return (size, populationSize, frequencies) -> populationSize >= k;
    }

    @Override
    public String toString() {
        return "k-map(k=" + k + ")";
    }
}
