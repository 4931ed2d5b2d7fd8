package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

/**
 * Every value of {@code column} must be the key of a row of {@code dataset}'s curated table, such as a student's
 * {@code school_code} naming a school of the city.
 */
public record ReferenceCheck(String column, String dataset, QualityLevel level) {
    public ReferenceCheck {
        requireNonNull(column, "column is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(level, "level is null");
    }
}
