package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Builds the hierarchy day → month → year → {@code *} for every day of a date range. */
public record DateHierarchyBuilder(LocalDate first, LocalDate last) {
    public DateHierarchyBuilder {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the range ends on " + last + ", before it starts on " + first);
        }
    }

    public Hierarchy build() {
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            rows.add(List.of(day.toString(), YearMonth.from(day).toString(), Integer.toString(day.getYear()),
                    Hierarchy.SUPPRESSED));
        }
        return new Hierarchy(rows);
    }
}
