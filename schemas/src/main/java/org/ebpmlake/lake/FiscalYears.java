package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;

/**
 * The Japanese fiscal year (年度, April to March; school years run the same way) of a date or timestamp,
 * read in the session's time zone (Asia/Tokyo): 2025-03-31 is in 2024, 2025-04-01 in 2025.
 */
public final class FiscalYears {
    private FiscalYears() {
    }

    /** The fiscal year of a day. */
    public static int of(java.time.LocalDate day) {
        requireNonNull(day, "day is null");
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    public static Column of(Column dateOrTimestamp) {
        requireNonNull(dateOrTimestamp, "dateOrTimestamp is null");
        return when(month(dateOrTimestamp).geq(4), year(dateOrTimestamp)).otherwise(year(dateOrTimestamp).minus(1));
    }
}
