package org.ebpmlake.anonymize;

import java.util.Optional;

/**
 * A privacy model checked class by class, as ARX checks its criteria: an equivalence class either meets it
 * or is suppressed. Models combine by conjunction: a class is kept only if it meets all of them.
 */
public sealed interface PrivacyModel
        permits KAnonymity, KMap, DeltaPresence, SensitiveAttributeModel {

    /** The sensitive attribute the model protects; empty for models on class sizes alone. */
    Optional<String> sensitiveAttribute();

    /**
     * Whether a class meeting the model still meets it after merging with any other class. Then a coarser
     * generalization never suppresses more records, which is what makes pruning the lattice safe when
     * records may be suppressed (entropy l-diversity, for one, lacks it: a diverse class merged with a large
     * uniform one is no longer diverse).
     */
    boolean survivesMergingWithAnyClass();

    /** Whether the model counts classes in a population table (k-map, δ-presence), which must then be given. */
    default boolean needsPopulation() {
        return false;
    }

    /** The model's test for one class, given the encoding of its sensitive attribute. */
    ClassCriterion bind(SensitiveDomain domain);
}
