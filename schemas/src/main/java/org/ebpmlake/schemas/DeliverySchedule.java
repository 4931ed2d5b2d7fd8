package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Period;
import java.util.Locale;

/**
 * How often a source dataset is delivered, declared as {@code schedule:} beside its columns. The pipeline runs a
 * dataset's tasks on this schedule, and a source that has been silent for longer than its period is late. Declared
 * from the most frequent to the least, so the natural order puts the most frequent first.
 */
public enum DeliverySchedule {
    /** Every night: education logs and check-ins, GPS pings, subway exit counts. */
    DAILY(Period.ofDays(1)),
    /** Once a month: the resident registry extract. */
    MONTHLY(Period.ofMonths(1)),
    /** Once a quarter: the KPI figures departments report. */
    QUARTERLY(Period.ofMonths(3));

    private final Period period;

    DeliverySchedule(Period period) {
        this.period = period;
    }

    /** The time between two deliveries. */
    public Period period() {
        return period;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeliverySchedule fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
