package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a hierarchy for codes (postal codes, town codes) by masking one more trailing character per level:
 * {@code 5300001 → 530000* → 53000** → … → *******}. Keeping the code's length keeps each level's values
 * recognisable as codes of that kind.
 */
public record MaskingHierarchyBuilder(char mask) {
    public Hierarchy build(List<String> codes) {
        requireNonNull(codes, "codes is null");
        Set<String> distinct = new LinkedHashSet<>(codes);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no code to build a hierarchy for");
        }
        int length = distinct.iterator().next().length();
        List<List<String>> rows = new ArrayList<>();
        for (String code : distinct) {
            if (code.length() != length) {
                throw new IllegalArgumentException("codes must have one length to be masked level by level; '"
                        + code + "' has " + code.length() + ", not " + length);
            }
            List<String> row = new ArrayList<>();
            for (int masked = 0; masked < length; masked++) {
                row.add(code.substring(0, length - masked) + String.valueOf(mask).repeat(masked));
            }
            row.add(Hierarchy.SUPPRESSED);
            rows.add(row);
        }
        return new Hierarchy(rows);
    }
}
