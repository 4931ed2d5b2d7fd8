package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

/** The smallest share of rows (0–1) that must hold a value in {@code column}; for columns not declared required. */
public record CompletenessThreshold(String column, double min, QualityLevel level) {
    public CompletenessThreshold {
        requireNonNull(column, "column is null");
        if (!(min > 0 && min <= 1)) {
            throw new IllegalArgumentException("completeness min of column " + column + " must be in (0, 1], got " + min);
        }
        requireNonNull(level, "level is null");
    }
}
