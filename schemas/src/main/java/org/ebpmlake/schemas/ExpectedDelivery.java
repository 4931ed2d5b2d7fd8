package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How often the department actually delivers, declared as {@code expected_delivery: {every: yearly}} in the
 * dataset's {@code quality:} section. This is not the pipeline's {@link DeliverySchedule}: the daily pipeline
 * looks for test scores every night, but the school board sends them once a year, and only the second says when
 * silence means a late source. A dataset with an expected delivery gets a freshness check (nothing new for
 * longer than {@link #staleAfter()} is flagged) and a volume anomaly check against its promoted batches.
 *
 * @param staleAfterDays days without a new delivery after which the source is stale; two periods by default,
 *     so a daily source with nothing new for two days is flagged
 */
public record ExpectedDelivery(Cadence every, Optional<Integer> staleAfterDays) {
    public ExpectedDelivery {
        requireNonNull(every, "every is null (daily, weekly, monthly or yearly)");
        requireNonNull(staleAfterDays, "staleAfterDays is null");
        staleAfterDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("stale_after_days must be at least 1, got " + days);
            }
        });
    }

    public Duration staleAfter() {
        return Duration.ofDays(staleAfterDays.orElse(2 * every.days()));
    }
}
