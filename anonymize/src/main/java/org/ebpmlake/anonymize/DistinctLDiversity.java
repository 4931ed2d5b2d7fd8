package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

/** Distinct l-diversity: every class holds at least l different values of the sensitive attribute. */
public record DistinctLDiversity(String attribute, int l) implements SensitiveAttributeModel {
    public DistinctLDiversity {
        requireNonNull(attribute, "attribute is null");
        if (l < 2) {
            throw new IllegalArgumentException("l must be at least 2, got " + l);
        }
    }

    @Override
    public boolean survivesMergingWithAnyClass() {
        return true;
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        return (size, populationSize, frequencies) -> SensitiveFrequencies.distinct(frequencies) >= l;
    }
}
