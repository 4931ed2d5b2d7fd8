package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How often a source is expected to deliver: the unit of its freshness and volume history. */
public enum Cadence {
    DAILY(1, "毎日"),
    WEEKLY(7, "毎週"),
    MONTHLY(31, "毎月"),
    YEARLY(366, "毎年");

    private final int days;
    private final String labelJa;

    Cadence(int days, String labelJa) {
        this.days = days;
        this.labelJa = labelJa;
    }

    /** The longest regular gap between two deliveries, in days. */
    public int days() {
        return days;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelJa() {
        return labelJa;
    }

    @JsonCreator
    public static Cadence fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
