package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * When a source is expected to deliver, declared as {@code schedule: {every: daily}} in the dataset's
 * {@code quality:} section. A dataset with a schedule gets a freshness check (nothing new for longer than
 * {@link #staleAfter()} is flagged) and a volume anomaly check against its promoted batches.
 *
 * @param staleAfterDays days without a new delivery after which the source is stale; two periods by default,
 *     so a daily source with nothing new for two days is flagged
 */
public record DeliverySchedule(Cadence every, Optional<Integer> staleAfterDays) {
    public DeliverySchedule {
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
