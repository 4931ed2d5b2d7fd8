package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fiscal year out of a baseline period as the action plan writes it: "2021年度末" and "2022年度見込"
 * name it; "2023年1月末" is a date (January belongs to the previous fiscal year); "現在" ("now") means the
 * fiscal year in which the plan was drafted, 2022, since the plan was published in April 2023.
 */
public final class BaselinePeriod {
    /** The fiscal year the plan calls "現在". */
    public static final int PLAN_DRAFTED_FISCAL_YEAR = 2022;

    private static final Pattern FISCAL_YEAR = Pattern.compile("(\\d{4})年度");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月");

    private BaselinePeriod() {
    }

    public static Optional<Integer> fiscalYearOf(String period) {
        requireNonNull(period, "period is null");
        Matcher fiscal = FISCAL_YEAR.matcher(period);
        if (fiscal.find()) {
            return Optional.of(Integer.parseInt(fiscal.group(1)));
        }
        Matcher yearMonth = YEAR_MONTH.matcher(period);
        if (yearMonth.find()) {
            int year = Integer.parseInt(yearMonth.group(1));
            int month = Integer.parseInt(yearMonth.group(2));
            return Optional.of(month >= 4 ? year : year - 1);
        }
        if (period.contains("現在")) {
            return Optional.of(PLAN_DRAFTED_FISCAL_YEAR);
        }
        return Optional.empty();
    }
}
