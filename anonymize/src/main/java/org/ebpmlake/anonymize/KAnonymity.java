package org.ebpmlake.anonymize;

import java.util.Optional;

/**
 * k-anonymity: every equivalence class (records sharing all quasi-identifier values) holds at least k records.
 */
public record KAnonymity(int k) implements PrivacyModel {
    public KAnonymity {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
    }

    /** Checks the sizes of a table's equivalence classes, as an independent verifier would. */
    public EquivalenceClassVerdict verify(Iterable<Long> classSizes) {
        long classes = 0;
        long rows = 0;
        long smallest = Long.MAX_VALUE;
        for (long size : classSizes) {
            if (size <= 0) {
                throw new IllegalArgumentException("an equivalence class cannot have " + size + " records");
            }
            classes++;
            rows += size;
            smallest = Math.min(smallest, size);
        }
        if (classes == 0) {
            return new EquivalenceClassVerdict(true, 0, 0, 0);
        }
        return new EquivalenceClassVerdict(smallest >= k, classes, rows, smallest);
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
    public ClassCriterion bind(SensitiveDomain domain) {
        return (size, populationSize, frequencies) -> size >= k;
    }

    @Override
    public String toString() {
        return "k-anonymity(k=" + k + ")";
    }
}
