package org.ebpmlake.reference;

import java.util.Locale;

/** Which way a KPI's value should move to meet its target. */
public enum KpiDirection {
    INCREASE,
    DECREASE,
    /** The value must end at or below the target ("30%以下"). */
    AT_MOST,
    /** The value must end at or above the target ("以上"). */
    AT_LEAST,
    /** A state to reach by the target date, not a number. */
    MILESTONE;

    public static KpiDirection fromCatalog(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String catalogName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
