package org.ebpmlake.anonymize;

/** A privacy model's test of one equivalence class, bound to one encoding of the sensitive attribute. */
@FunctionalInterface
public interface ClassCriterion {
    /**
     * @param size records in the class
     * @param populationSize the class's records in the declared population (k-map, δ-presence); {@code size}
     *     when no population table is given
     * @param frequencies records of the class per sensitive value, indexed as the {@link SensitiveDomain}
     *     the criterion was bound to; empty for models without a sensitive attribute
     */
    boolean accepts(long size, long populationSize, long[] frequencies);
}
