package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Who reports a KPI and when, as the DX office declares it in {@code kpi/reporting-duties.csv}: the department, the
 * cycle (annual or quarterly), and how many days after a period's end the figure is due. {@code sample} marks a
 * value the project made up because the action plan names none.
 */
public record KpiReportingDuty(String kpiId, String departmentJa, String departmentEn, Cycle cycle, int dueDaysAfterPeriod,
        boolean sample) {
    /** How often a KPI is reported; periods end with the fiscal year (March) or with each quarter. */
    public enum Cycle {
        ANNUAL("年1回", "annual", 12),
        QUARTERLY("四半期", "quarterly", 3);

        private final String labelJa;
        private final String labelEn;
        private final int months;

        Cycle(String labelJa, String labelEn, int months) {
            this.labelJa = labelJa;
            this.labelEn = labelEn;
            this.months = months;
        }

        public String labelJa() {
            return labelJa;
        }

        public String labelEn() {
            return labelEn;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The last day of the period that contains {@code day} (periods end with March, June, September, December). */
        LocalDate periodEndOf(LocalDate day) {
            LocalDate fiscalYearStart = LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
            LocalDate end = fiscalYearStart.plusMonths(months).minusDays(1);
            while (end.isBefore(day)) {
                end = end.plusDays(1).plusMonths(months).minusDays(1);
            }
            return end;
        }
    }

    public KpiReportingDuty {
        requireNonNull(kpiId, "kpiId is null");
        requireNonNull(departmentJa, "departmentJa is null");
        requireNonNull(departmentEn, "departmentEn is null");
        requireNonNull(cycle, "cycle is null");
        if (dueDaysAfterPeriod < 0 || dueDaysAfterPeriod > 365) {
            throw new IllegalArgumentException("due_days_after_period of " + kpiId + " must be 0 to 365, got " + dueDaysAfterPeriod);
        }
    }

    /** The first due date after {@code asOf}: the end of the period it falls in (or a later one) plus the allowed days. */
    public LocalDate nextDueAfter(LocalDate asOf) {
        LocalDate periodEnd = cycle.periodEndOf(asOf.minusDays(dueDaysAfterPeriod));
        LocalDate due = periodEnd.plusDays(dueDaysAfterPeriod);
        while (!due.isAfter(asOf)) {
            periodEnd = cycle.periodEndOf(periodEnd.plusDays(1));
            due = periodEnd.plusDays(dueDaysAfterPeriod);
        }
        return due;
    }

    /**
     * The date from which a fiscal year's figure has been overdue, if it is overdue on {@code asOf}: the fiscal year's
     * end plus the allowed days, for a KPI whose latest reported fiscal year is before the last one that was due.
     *
     * @param latestReportedFiscalYear the latest fiscal year with a figure, if any
     */
    public Optional<LocalDate> overdueSince(Optional<Integer> latestReportedFiscalYear, int firstFiscalYearDue, LocalDate asOf) {
        int year = latestReportedFiscalYear.map(reported -> reported + 1).orElse(firstFiscalYearDue);
        LocalDate due = LocalDate.of(year + 1, 3, 31).plusDays(dueDaysAfterPeriod);
        if (due.isAfter(asOf)) {
            return Optional.empty();
        }
        return Optional.of(due);
    }
}
