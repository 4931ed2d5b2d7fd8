package org.ebpmlake.reference;

import java.util.Locale;

/** Where a KPI stands against its target and its straight-line trajectory; the codes of {@code mart.kpi_progress.status}. */
public enum KpiStatus {
    ACHIEVED("達成", "achieved"),
    ON_TRACK("順調", "on track"),
    AT_RISK("要注意", "at risk"),
    OFF_TRACK("遅れ", "off track"),
    NO_DATA("データなし", "no data");

    private final String labelJa;
    private final String labelEn;

    KpiStatus(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    public static KpiStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
