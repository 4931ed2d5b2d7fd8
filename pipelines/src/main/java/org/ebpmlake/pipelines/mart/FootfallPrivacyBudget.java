package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.ebpmlake.lake.LakeSettings;

/**
 * The differential-privacy settings of the footfall mart, and what follows from them: the Laplace scale, the
 * publication threshold and the δ the published cell set costs. Off unless {@code lake.footfall.dp-epsilon} is set.
 *
 * <p>The unit of privacy is one device on one day. Each device counts in at most {@code maxCellsPerDevice}
 * (mesh, hour) cells a day and at most once in each (enforced by {@link CellContributionBound}), so one device
 * changes the vector of cell counts by at most that much in L1 norm, and Laplace noise of scale
 * {@code maxCellsPerDevice / ε} on every count is ε-DP. Which cells exist at all also comes from the data: a cell
 * that only one device visited must not appear because of it. Publishing only cells whose <em>noisy</em> count
 * reaches a threshold τ is Laplace thresholding: such a cell (exact count 1) is published with probability
 * P(1 + noise ≥ τ), so the whole release is (ε, δ)-DP with δ = maxCellsPerDevice · P(noise ≥ τ − 1), and τ is
 * chosen as the smallest value, not below {@code lake.footfall.minimum-count}, that keeps δ within
 * {@code lake.footfall.dp-delta}. A device seen on several days spends ε once per day (basic composition).
 */
record FootfallPrivacyBudget(BigDecimal epsilon, double delta, int maxCellsPerDevice) {
    static final String EPSILON = "lake.footfall.dp-epsilon";
    static final String DELTA = "lake.footfall.dp-delta";
    static final String MAX_CELLS_PER_DEVICE = "lake.footfall.dp-max-cells-per-device";
    private static final double DEFAULT_DELTA = 1e-5;
    private static final int DEFAULT_MAX_CELLS_PER_DEVICE = 24;

    FootfallPrivacyBudget {
        requireNonNull(epsilon, "epsilon is null");
        if (epsilon.signum() <= 0) {
            throw new IllegalArgumentException(EPSILON + " must be positive, got " + epsilon.toPlainString());
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException(DELTA + " must be between 0 and 1 (exclusive), got " + delta);
        }
        if (maxCellsPerDevice < 1) {
            throw new IllegalArgumentException(MAX_CELLS_PER_DEVICE + " must be at least 1, got " + maxCellsPerDevice);
        }
        epsilon = epsilon.stripTrailingZeros();
        // fails early, at construction, if the scale does not fit the sampler's integer arithmetic
        scaleAsFraction(epsilon, maxCellsPerDevice);
    }

    /** The budget in the settings; empty when differential privacy is off (no epsilon set). */
    static Optional<FootfallPrivacyBudget> from(LakeSettings settings) {
        requireNonNull(settings, "settings is null");
        Optional<String> epsilon = settings.option(EPSILON);
        if (epsilon.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(epsilon.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + EPSILON + " must be a number, got '" + epsilon.get() + "'", e);
        }
        return Optional.of(new FootfallPrivacyBudget(parsed, settings.doubleOption(DELTA, DEFAULT_DELTA),
                settings.intOption(MAX_CELLS_PER_DEVICE, DEFAULT_MAX_CELLS_PER_DEVICE)));
    }

    /** Laplace noise calibrated to the contribution bound: scale = maxCellsPerDevice / ε. */
    CountNoise laplaceNoise() {
        long[] scale = scaleAsFraction(epsilon, maxCellsPerDevice);
        return new DiscreteLaplaceNoise(scale[0], scale[1]);
    }

    double laplaceScale() {
        return maxCellsPerDevice / epsilon.doubleValue();
    }

    /** The smallest noisy count published: at least the minimum count, and high enough to keep δ. */
    int publicationThreshold(int minimumCount) {
        double ratio = decay();
        double needed = 1 + Math.ceil(laplaceScale() * Math.log(maxCellsPerDevice / (delta * (1 + ratio))));
        int threshold = (int) Math.max(minimumCount, Math.min(needed, Integer.MAX_VALUE));
        // the logarithm above is rounded; step up until the exact tail bound holds
        while (partitionSelectionDelta(threshold) > delta) {
            threshold = Math.addExact(threshold, 1);
        }
        return threshold;
    }

    /** δ of publishing the cells whose noisy count reaches the threshold: maxCellsPerDevice · P(noise ≥ threshold − 1). */
    double partitionSelectionDelta(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("the publication threshold must be at least 2, got " + threshold);
        }
        double ratio = decay();
        // discrete Laplace: P(X ≥ k) = ratio^k / (1 + ratio) for k ≥ 1
        return maxCellsPerDevice * Math.pow(ratio, threshold - 1) / (1 + ratio);
    }

    /** The model named in ops.privacy_reports. */
    String model() {
        return "count threshold + Laplace (ε=" + epsilon.toPlainString() + ")";
    }

    /** The JSON parameters string of ops.privacy_reports. */
    String parameters(int minimumCount) {
        int threshold = publicationThreshold(minimumCount);
        return "{\"minimum_count\":" + minimumCount
                + ",\"epsilon\":" + epsilon.toPlainString()
                + ",\"delta\":" + delta
                + ",\"max_cells_per_device_per_day\":" + maxCellsPerDevice
                + ",\"l0_sensitivity\":" + maxCellsPerDevice
                + ",\"linf_sensitivity\":1"
                + ",\"noise\":\"discrete Laplace\""
                + ",\"laplace_scale\":" + laplaceScale()
                + ",\"publication_threshold\":" + threshold
                + ",\"partition_selection\":\"threshold on noisy counts\""
                + ",\"partition_selection_delta\":" + partitionSelectionDelta(threshold)
                + ",\"privacy_unit\":\"device-day\"}";
    }

    /** exp(-1 / scale): the ratio of the probabilities of two neighbouring noise values. */
    private double decay() {
        return Math.exp(-1 / laplaceScale());
    }

    /** maxCellsPerDevice / ε as {numerator, denominator}, reduced, so the sampler stays exact. */
    private static long[] scaleAsFraction(BigDecimal epsilon, int maxCellsPerDevice) {
        BigInteger numerator = BigInteger.valueOf(maxCellsPerDevice);
        BigInteger denominator = epsilon.unscaledValue();
        if (epsilon.scale() > 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(epsilon.scale()));
        } else {
            denominator = denominator.multiply(BigInteger.TEN.pow(-epsilon.scale()));
        }
        BigInteger common = numerator.gcd(denominator);
        try {
            return new long[] {numerator.divide(common).longValueExact(), denominator.divide(common).longValueExact()};
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(EPSILON + " has too many digits to calibrate the noise exactly: " + epsilon.toPlainString(), e);
        }
    }
}
