package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One period of an event study: the treated units' difference from the comparison units in that period, measured
 * against the reference period (the last before the intervention, whose effect is 0 by definition and has no interval),
 * and the two groups' plain means.
 *
 * @param relativePeriod periods since the intervention: 0 the first treated period, −1 the reference
 */
public record PeriodEffect(int period, int relativePeriod, Optional<Effect> effect, double treatedMean, double comparisonMean) {
    public PeriodEffect {
        requireNonNull(effect, "effect is null");
    }

    public boolean isReference() {
        return effect.isEmpty();
    }

    /** The point estimate, 0 for the reference period. */
    public double estimate() {
        return effect.map(Effect::estimate).orElse(0.0);
    }
}
