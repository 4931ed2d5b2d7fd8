package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * Which cells of a table are published as 秘匿: {@code primary} cells count too few students to be shown,
 * {@code complementary} cells are hidden only so that no primary cell can be worked out from the others.
 * The published marts do not say which is which (that would tell a reader which hidden cells are small).
 */
public record SuppressionPattern(Set<String> primary, Set<String> complementary) {
    public SuppressionPattern {
        primary = Set.copyOf(requireNonNull(primary, "primary is null"));
        complementary = Set.copyOf(requireNonNull(complementary, "complementary is null"));
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
        Set<String> all = new HashSet<>(primary);
        all.addAll(complementary);
        return all;
    }
}
