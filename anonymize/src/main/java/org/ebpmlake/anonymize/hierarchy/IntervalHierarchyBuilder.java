package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a hierarchy for whole numbers (ages, scores) from interval widths, finest first: widths 5, 10, 20
 * give {@code 37 → 35-39 → 30-39 → 20-39 → *}. Values from {@code openFrom} up share one open interval
 * ({@code 90+}) at every level, so very old residents are never singled out by their age.
 *
 * @param widths interval widths, each a multiple of the previous one, so intervals nest
 */
public record IntervalHierarchyBuilder(int minimum, int openFrom, List<Integer> widths) {
    public IntervalHierarchyBuilder {
        requireNonNull(widths, "widths is null");
        widths = List.copyOf(widths);
        if (openFrom <= minimum) {
            throw new IllegalArgumentException("the open interval must start above the minimum " + minimum);
        }
        int previous = 1;
        for (int width : widths) {
            if (width < 1 || width % previous != 0) {
                throw new IllegalArgumentException("each width must be a positive multiple of the previous one: " + widths);
            }
            previous = width;
        }
    }

    /** The hierarchy for every value from the minimum to {@code maximum}, each a row. */
    public Hierarchy build(int maximum) {
        if (maximum < minimum) {
            throw new IllegalArgumentException("maximum " + maximum + " is below the minimum " + minimum);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int value = minimum; value <= maximum; value++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(value));
            for (int width : widths) {
                row.add(interval(value, width));
            }
            row.add(Hierarchy.SUPPRESSED);
            rows.add(row);
        }
        return new Hierarchy(rows);
    }

    private String interval(int value, int width) {
        if (value >= openFrom) {
            return openFrom + "+";
        }
        // Intervals are aligned on the minimum, and the last one is cut at the open interval.
        int low = minimum + Math.floorDiv(value - minimum, width) * width;
        int high = Math.min(low + width - 1, openFrom - 1);
        if (low == high) {
            return Integer.toString(low);
        }
        return low + "-" + high;
    }
}
