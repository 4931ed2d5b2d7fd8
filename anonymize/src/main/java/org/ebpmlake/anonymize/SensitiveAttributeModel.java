package org.ebpmlake.anonymize;

import java.util.Optional;

/**
 * A privacy model on the distribution of one sensitive attribute within each class (the l-diversity
 * variants and t-closeness). By default such a model does not survive merging with an arbitrary class.
 */
public sealed interface SensitiveAttributeModel extends PrivacyModel
        permits DistinctLDiversity, EntropyLDiversity, RecursiveCLDiversity, TCloseness {

    String attribute();

    @Override
    default Optional<String> sensitiveAttribute() {
        return Optional.of(attribute());
    }

    @Override
    default boolean survivesMergingWithAnyClass() {
        return false;
    }
}
