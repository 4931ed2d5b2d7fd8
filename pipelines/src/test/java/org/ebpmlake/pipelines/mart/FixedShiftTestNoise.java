package org.ebpmlake.pipelines.mart;

/**
 * A deterministic stand-in for the Laplace noise, for tests of what happens around the noise (contribution bound,
 * threshold, report): it adds the same shift to every count. Never a privacy mechanism.
 */
record FixedShiftTestNoise(long shift) implements CountNoise {
    @Override
    public long addTo(long count) {
        return count + shift;
    }
}
