package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The checks a dataset declares in its optional {@code quality:} section, beside those its columns already
 * imply (required, key, range, codes, all error level).
 */
public record QualityDeclaration(Optional<VolumeCheck> volume, List<CompletenessThreshold> completeness,
        List<ReferenceCheck> references) {

    public static final QualityDeclaration NONE = new QualityDeclaration(Optional.empty(), List.of(), List.of());

    public QualityDeclaration {
        requireNonNull(volume, "volume is null");
        completeness = List.copyOf(completeness == null ? List.of() : completeness);
        references = List.copyOf(references == null ? List.of() : references);
    }
}
