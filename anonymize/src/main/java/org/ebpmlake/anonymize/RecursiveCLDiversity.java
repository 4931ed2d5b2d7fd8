package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

/**
 * Recursive (c,l)-diversity (Machanavajjhala et al.): with the class's sensitive frequencies sorted
 * descending r1 ≥ r2 ≥ … ≥ rm, the class needs at least l values and r1 &lt; c·(rl + … + rm).
 */
public record RecursiveCLDiversity(String attribute, double c, int l) implements SensitiveAttributeModel {
    public RecursiveCLDiversity {
        requireNonNull(attribute, "attribute is null");
        if (!(c > 0)) {
            throw new IllegalArgumentException("c must be positive, got " + c);
        }
        if (l < 2) {
            throw new IllegalArgumentException("l must be at least 2, got " + l);
        }
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        return (size, populationSize, frequencies) -> {
            long[] descending = SensitiveFrequencies.descending(frequencies);
            if (descending.length < l) {
                return false;
            }
            long tail = 0;
            for (int index = l - 1; index < descending.length; index++) {
                tail += descending[index];
            }
            return descending[0] < c * tail;
        };
    }
}
