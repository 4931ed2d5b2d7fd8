package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Which cells of a table are published as 秘匿: {@code primary} cells count too few students to be shown,
 * {@code complementary} cells are hidden only so that no primary cell can be worked out from the others.
 * The published marts do not say which is which (that would tell a reader which hidden cells are small).
 */
public record SuppressionPattern(Set<String> primary, Set<String> complementary) {
    public SuppressionPattern {
        // Sorted, so that whoever walks the pattern walks it in the same order on every run.
        primary = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(requireNonNull(primary, "primary is null")));
        complementary = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(requireNonNull(complementary, "complementary is null")));
        for (String cell : primary) {
            if (complementary.contains(cell)) {
                throw new IllegalArgumentException("cell " + cell + " is both primary and complementary");
            }
        }
    }

    public boolean isSuppressed(String cell) {
        return primary.contains(cell) || complementary.contains(cell);
    }

    public Set<String> suppressed() {
        Set<String> all = new java.util.TreeSet<>(primary);
        all.addAll(complementary);
        return all;
    }
}
