package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A delivered row that could not be accepted: where it is, which field failed and why. The row's text is
 * kept for the steward who fixes it; the reason never repeats a value.
 */
public record RejectedRow(long line, Optional<String> field, String reason, String rawRecord) {
    public RejectedRow {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        requireNonNull(field, "field is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(rawRecord, "rawRecord is null");
    }
}
