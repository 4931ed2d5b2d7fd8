package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The checks a dataset declares in its optional {@code quality:} section, beside those its columns already
 * imply (required, key, range, codes, all error level).
 *
 * @param expectedDelivery how often the source delivers; such a dataset gets freshness and volume checks
 * @param quarantineTolerance the largest share (0–1) of a batch's rows ingest may quarantine before the whole
 *     batch is blocked; {@link #DEFAULT_QUARANTINE_TOLERANCE} when not declared
 * @param volume the volume check of a dataset with an expected delivery, when it differs from {@link VolumeCheck#DEFAULT}
 */
public record QualityDeclaration(Optional<ExpectedDelivery> expectedDelivery, Optional<Double> quarantineTolerance,
        Optional<VolumeCheck> volume, List<CompletenessThreshold> completeness, List<ReferenceCheck> references) {

    public static final double DEFAULT_QUARANTINE_TOLERANCE = 0.01;
    public static final QualityDeclaration NONE = new QualityDeclaration(Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), List.of());

    public QualityDeclaration {
        requireNonNull(expectedDelivery, "expectedDelivery is null");
        requireNonNull(quarantineTolerance, "quarantineTolerance is null");
        requireNonNull(volume, "volume is null");
        quarantineTolerance.ifPresent(tolerance -> {
            if (!(tolerance >= 0 && tolerance < 1)) {
                throw new IllegalArgumentException("quarantine_tolerance must be in [0, 1), got " + tolerance);
            }
        });
        if (volume.isPresent() && expectedDelivery.isEmpty()) {
            throw new IllegalArgumentException("a volume check compares the deliveries a source is expected to make: declare expected_delivery too");
        }
        completeness = List.copyOf(completeness == null ? List.of() : completeness);
        references = List.copyOf(references == null ? List.of() : references);
    }

    public double tolerance() {
        return quarantineTolerance.orElse(DEFAULT_QUARANTINE_TOLERANCE);
    }

    /** The volume check of the dataset: declared, the default for a dataset with an expected delivery, or none. */
    public Optional<VolumeCheck> volumeCheck() {
        if (volume.isPresent()) {
            return volume;
        }
        return expectedDelivery.map(declared -> VolumeCheck.DEFAULT);
    }
}
