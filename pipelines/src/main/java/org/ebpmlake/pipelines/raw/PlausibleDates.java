package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The latest date and time a delivered value may hold: a record cannot describe a day after the delivery's
 * as-of date, nor anything after the moment it is ingested. A later value is a typing or clock error (a birth
 * date in 2205, a visit stamped tomorrow) and is quarantined rather than stored.
 *
 * @param asOf the day the delivery describes (the extract's date); the ingest day when nobody said
 * @param now the moment of ingestion
 */
record PlausibleDates(LocalDate asOf, Instant now) implements Serializable {
    PlausibleDates {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(now, "now is null");
    }

    /** Why a delivered date is too late, if it is. */
    Optional<String> violation(LocalDate date) {
        if (date.isAfter(LocalDate.ofInstant(now, FieldParser.CITY_ZONE))) {
            return Optional.of("a date in the future");
        }
        if (date.isAfter(asOf)) {
            return Optional.of(afterAsOf());
        }
        return Optional.empty();
    }

    /** Why a delivered date and time is too late, if it is. */
    Optional<String> violation(Instant instant) {
        if (instant.isAfter(now)) {
            return Optional.of("a time in the future");
        }
        if (!instant.isBefore(asOf.plusDays(1).atStartOfDay(FieldParser.CITY_ZONE).toInstant())) {
            return Optional.of(afterAsOf());
        }
        return Optional.empty();
    }

    private String afterAsOf() {
        return "after the delivery's as-of date " + asOf;
    }
}
