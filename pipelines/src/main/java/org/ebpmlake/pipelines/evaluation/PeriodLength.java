package org.ebpmlake.pipelines.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.ebpmlake.lake.FiscalYears;

/** How long one period of an evaluation's panel is, and how a day maps to its period's first day. */
public enum PeriodLength {
    DAY,
    /** Weeks from Monday. */
    WEEK,
    MONTH,
    /** Japan's fiscal year, from 1 April. */
    FISCAL_YEAR;

    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case FISCAL_YEAR -> LocalDate.of(FiscalYears.of(day), 4, 1);
        };
    }

    /** How a period is named on a page: its first day, its month, or 2024年度. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY, WEEK -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case FISCAL_YEAR -> start.getYear() + "年度";
        };
    }

    /** The name used in declarations and tables: day, week, month, fiscal_year. */
    public String declaredName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PeriodLength ofDeclared(String name) {
        for (PeriodLength length : values()) {
            if (length.declaredName().equals(name)) {
                return length;
            }
        }
        throw new IllegalArgumentException("period must be day, week, month or fiscal_year, got '" + name + "'");
    }
}
