package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a hierarchy from ordered groupings, one per level: e.g. ward → district, then district → city.
 * Every value must belong to a group at every level, so no value silently stays ungeneralized.
 */
public final class GroupingHierarchyBuilder {
    private final List<Map<String, String>> levels = new ArrayList<>();

    /** Adds the next level: the group of each value of the level below. */
    public GroupingHierarchyBuilder level(Map<String, String> groupOfValue) {
        requireNonNull(groupOfValue, "groupOfValue is null");
        levels.add(new LinkedHashMap<>(groupOfValue));
        return this;
    }

    /** The hierarchy of the given values, in their order, topped by {@code *}. */
    public Hierarchy build(List<String> values) {
        requireNonNull(values, "values is null");
        List<List<String>> rows = new ArrayList<>();
        for (String value : values) {
            List<String> row = new ArrayList<>();
            row.add(value);
            String current = value;
            for (int level = 0; level < levels.size(); level++) {
                String group = levels.get(level).get(current);
                if (group == null) {
                    throw new IllegalArgumentException("level " + (level + 1) + " has no group for '" + current + "'");
                }
                row.add(group);
                current = group;
            }
            row.add(Hierarchy.SUPPRESSED);
            rows.add(row);
        }
        return new Hierarchy(rows);
    }
}
