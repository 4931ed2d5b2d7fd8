package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What a difference-in-differences found: the average effect after the intervention, the event study's effect per
 * period, and the p value of the joint test that every period before the reference shows no difference (absent with
 * a single period before the intervention, where there is nothing to test).
 */
public record DidResult(Effect effect, List<PeriodEffect> periods, OptionalDouble pretrendP, int treatedUnits, int comparisonUnits,
        int observations, double confidence) {
    public DidResult {
        requireNonNull(effect, "effect is null");
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
        requireNonNull(pretrendP, "pretrendP is null");
    }
}
