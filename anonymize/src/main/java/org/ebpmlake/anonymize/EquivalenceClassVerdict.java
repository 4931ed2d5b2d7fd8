package org.ebpmlake.anonymize;

/**
 * What a check of equivalence-class sizes found.
 *
 * @param smallestClass size of the smallest class, 0 for an empty table
 */
public record EquivalenceClassVerdict(boolean satisfied, long classes, long rows, long smallestClass) {
    public EquivalenceClassVerdict {
        if (classes < 0 || rows < 0 || smallestClass < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
