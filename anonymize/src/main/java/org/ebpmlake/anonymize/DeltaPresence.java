package org.ebpmlake.anonymize;

import java.util.Optional;

/**
 * δ-presence (Nergiz, Atzori and Clifton 2007): for every released class, the share of its population records
 * that are in the release, δ = class size / population class size, lies in [δmin, δmax], so an attacker who knows
 * someone is in the population cannot tell with more than δmax confidence that they are in the release.
 */
public record DeltaPresence(double minimum, double maximum) implements PrivacyModel {
    public DeltaPresence {
        if (!(minimum >= 0 && minimum <= maximum && maximum <= 1)) {
            throw new IllegalArgumentException("δ-presence needs 0 ≤ δmin ≤ δmax ≤ 1, got " + minimum + " and " + maximum);
        }
    }

    @Override
    public Optional<String> sensitiveAttribute() {
        return Optional.empty();
    }

    @Override
    public boolean survivesMergingWithAnyClass() {
        // Merging a class with a small δ and one with a large δ can move either bound.
        return false;
    }

    @Override
    public boolean needsPopulation() {
        return true;
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        return (size, populationSize, frequencies) -> {
            double delta = populationSize == 0 ? 0 : (double) size / populationSize;
            return delta >= minimum && delta <= maximum;
        };
    }

    @Override
    public String toString() {
        return "(" + minimum + "," + maximum + ")-presence";
    }
}
