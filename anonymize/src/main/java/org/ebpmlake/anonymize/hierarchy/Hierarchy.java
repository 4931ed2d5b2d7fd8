package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A generalization hierarchy as ARX materializes it: one row per original value, followed by that value's
 * successive generalizations; every row has the same number of levels, and level 0 is the value itself.
 * The conventional top level is {@value #SUPPRESSED}.
 */
public record Hierarchy(List<List<String>> rows) {
    public static final String SUPPRESSED = "*";

    public Hierarchy {
        requireNonNull(rows, "rows is null");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a hierarchy needs at least one value");
        }
        int levels = rows.get(0).size();
        Set<String> values = new HashSet<>();
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            requireNonNull(row, "a hierarchy row is null");
            if (row.size() != levels) {
                throw new IllegalArgumentException("every hierarchy row needs " + levels + " levels, the row of '"
                        + row.get(0) + "' has " + row.size());
            }
            if (!values.add(row.get(0))) {
                throw new IllegalArgumentException("the hierarchy lists the value '" + row.get(0) + "' twice");
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** Number of levels, the original values included: a hierarchy {@code value;*} has two. */
    public int levels() {
        return rows.get(0).size();
    }

    /** The highest level, the one a fully generalized attribute takes. */
    public int topLevel() {
        return levels() - 1;
    }

    public int size() {
        return rows.size();
    }

    public List<String> values() {
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(row.get(0));
        }
        return values;
    }

    /** The generalization of a value at a level, empty when the hierarchy does not know the value. */
    public Optional<String> generalize(String value, int level) {
        requireNonNull(value, "value is null");
        if (level < 0 || level >= levels()) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + topLevel());
        }
        for (List<String> row : rows) {
            if (row.get(0).equals(value)) {
                return Optional.of(row.get(level));
            }
        }
        return Optional.empty();
    }
}
