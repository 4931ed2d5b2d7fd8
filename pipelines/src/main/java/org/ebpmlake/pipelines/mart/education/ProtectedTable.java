package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A count table as it will be published, with the sums a reader can form from it: its cells, the margins that tie
 * them together, the smallest group that may be shown ({@code lake.education.minimum-group}), and what a reader
 * knows of any hidden cell without being told ({@code lowerBound}: 1 where a row exists only for a group with
 * students, 0 for counts that may be zero).
 */
public record ProtectedTable(String name, Map<String, ProtectedCell> cells, List<Margin> margins, int minimumGroup, long lowerBound) {
    public ProtectedTable {
        requireNonNull(name, "name is null");
        // Kept in the order cells were added: the pattern is chosen by walking them, and must come out the same on every run.
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(cells, "cells is null")));
        margins = List.copyOf(requireNonNull(margins, "margins is null"));
        if (minimumGroup < 2) {
            throw new IllegalArgumentException("the minimum group must be at least 2, got " + minimumGroup);
        }
        if (lowerBound < 0) {
            throw new IllegalArgumentException("the lower bound cannot be negative, got " + lowerBound);
        }
        for (Margin margin : margins) {
            for (String member : margin.members()) {
                if (!cells.containsKey(member)) {
                    throw new IllegalArgumentException("margin " + margin.total() + " of " + name + " names no cell " + member);
                }
            }
        }
    }

    /** Builds a table cell by cell and margin by margin. */
    public static Builder builder(String name, int minimumGroup, long lowerBound) {
        return new Builder(name, minimumGroup, lowerBound);
    }

    public ProtectedCell cell(String id) {
        ProtectedCell cell = cells.get(id);
        if (cell == null) {
            throw new IllegalArgumentException(name + " has no cell " + id);
        }
        return cell;
    }

    /** Collects cells and margins; cell order is kept so that patterns come out the same on every run. */
    public static final class Builder {
        private final String name;
        private final int minimumGroup;
        private final long lowerBound;
        private final Map<String, ProtectedCell> cells = new LinkedHashMap<>();
        private final java.util.ArrayList<Margin> margins = new java.util.ArrayList<>();

        private Builder(String name, int minimumGroup, long lowerBound) {
            this.name = requireNonNull(name, "name is null");
            this.minimumGroup = minimumGroup;
            this.lowerBound = lowerBound;
        }

        public Builder cell(ProtectedCell cell) {
            if (cells.putIfAbsent(cell.id(), cell) != null) {
                throw new IllegalArgumentException(name + " has cell " + cell.id() + " twice");
            }
            return this;
        }

        public Builder margin(Margin margin) {
            margins.add(margin);
            return this;
        }

        public ProtectedTable build() {
            return new ProtectedTable(name, cells, margins, minimumGroup, lowerBound);
        }
    }
}
