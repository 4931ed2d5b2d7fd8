package org.ebpmlake.pipelines.mart;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Laplace noise for integer counts, drawn exactly from the discrete Laplace distribution
 * P(x) ∝ exp(-|x| / scale) with the rational scale {@code scaleNumerator / scaleDenominator}.
 *
 * <p>Why hand-written: Google's differential-privacy Java library is not served by the package registry this
 * project builds from. Its discrete mechanism is the one to use anyway: a floating-point Laplace sampler leaks
 * through the low bits and truncated tails of doubles (Mironov, CCS 2012), while this sampler follows Canonne,
 * Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020), Algorithms 1 and 2, and
 * uses only integer arithmetic on a {@link SecureRandom}. Draws are therefore not reproducible from run to run;
 * that is what makes them noise.
 */
final class DiscreteLaplaceNoise implements CountNoise {
    private static final long serialVersionUID = 1L;

    private final long scaleNumerator;
    private final long scaleDenominator;
    // Not shipped with the function: each deserialized copy seeds its own from the operating system.
    private transient RandomGenerator random;

    DiscreteLaplaceNoise(long scaleNumerator, long scaleDenominator) {
        if (scaleNumerator < 1 || scaleDenominator < 1) {
            throw new IllegalArgumentException("the scale must be a positive fraction, got " + scaleNumerator + "/" + scaleDenominator);
        }
        this.scaleNumerator = scaleNumerator;
        this.scaleDenominator = scaleDenominator;
    }

    @Override
    public long addTo(long count) {
        return Math.addExact(count, sample());
    }

    /** One draw (Algorithm 2 of Canonne, Kamath and Steinke, with t = scaleNumerator and s = scaleDenominator). */
    long sample() {
        RandomGenerator generator = random();
        while (true) {
            long remainder = generator.nextLong(scaleNumerator);
            if (!bernoulliExp(remainder, scaleNumerator, generator)) {
                continue;
            }
            long multiples = 0;
            while (bernoulliExp(1, 1, generator)) {
                multiples++;
            }
            // geometric with P(x) ∝ exp(-x / scaleNumerator), then scaled down to P(y) ∝ exp(-y / scale)
            long geometric = Math.addExact(remainder, Math.multiplyExact(scaleNumerator, multiples));
            long magnitude = geometric / scaleDenominator;
            boolean negative = generator.nextBoolean();
            if (negative && magnitude == 0) {
                continue; // zero would otherwise be drawn twice as often as it should
            }
            if (negative) {
                return -magnitude;
            }
            return magnitude;
        }
    }

    /** True with probability exp(-numerator / denominator), exactly (Algorithm 1). */
    private static boolean bernoulliExp(long numerator, long denominator, RandomGenerator generator) {
        for (long whole = numerator / denominator; whole > 0; whole--) {
            if (!bernoulliExpOfFraction(1, 1, generator)) {
                return false;
            }
        }
        return bernoulliExpOfFraction(numerator % denominator, denominator, generator);
    }

    /** True with probability exp(-γ) for γ = numerator / denominator in [0, 1]. */
    private static boolean bernoulliExpOfFraction(long numerator, long denominator, RandomGenerator generator) {
        long k = 1;
        while (generator.nextLong(Math.multiplyExact(denominator, k)) < numerator) {
            k++;
        }
        return k % 2 == 1;
    }

    private RandomGenerator random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }
}
