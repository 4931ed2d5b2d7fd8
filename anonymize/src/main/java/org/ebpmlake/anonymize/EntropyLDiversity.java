package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

/**
 * Entropy l-diversity (Machanavajjhala et al.): the entropy of every class's sensitive values is at least
 * log(l).
 */
public record EntropyLDiversity(String attribute, double l) implements SensitiveAttributeModel {
    public EntropyLDiversity {
        requireNonNull(attribute, "attribute is null");
        if (!(l >= 1)) {
            throw new IllegalArgumentException("l must be at least 1, got " + l);
        }
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        double threshold = Math.log(l);
        return (size, populationSize, frequencies) -> SensitiveFrequencies.entropy(frequencies) >= threshold;
    }
}
