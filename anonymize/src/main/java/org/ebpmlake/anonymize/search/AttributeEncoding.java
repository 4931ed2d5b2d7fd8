package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/**
 * One quasi-identifier's hierarchy as int arrays: a value's code is its hierarchy row; at each level the
 * generalized values have codes of their own, and {@code generalized[level][code]} maps one to the other, so
 * generalizing a record is an array lookup.
 */
final class AttributeEncoding {
    private final Map<String, Integer> codes = new HashMap<>();
    private final int[][] generalized;
    private final String[][] generalizedValues;
    /**
     * ARX's domain share as a whole number: of the hierarchy's rows, how many generalize to the same value at the
     * level (the share is this over the domain size). Sums of these stay exact, so the loss of a node does not
     * depend on the order its tuples were summed in, and every engine breaks ties alike.
     */
    private final int[][] groupSizes;
    private final int domainSize;

    AttributeEncoding(Hierarchy hierarchy) {
        List<List<String>> rows = hierarchy.rows();
        domainSize = rows.size();
        int levels = hierarchy.levels();
        generalized = new int[levels][domainSize];
        generalizedValues = new String[levels][];
        groupSizes = new int[levels][];
        for (int row = 0; row < domainSize; row++) {
            codes.put(rows.get(row).get(0), row);
        }
        for (int level = 0; level < levels; level++) {
            Map<String, Integer> levelCodes = new HashMap<>();
            int[] counts = new int[domainSize];
            for (int row = 0; row < domainSize; row++) {
                int code = levelCodes.computeIfAbsent(rows.get(row).get(level), value -> levelCodes.size());
                generalized[level][row] = code;
                counts[code]++;
            }
            String[] values = new String[levelCodes.size()];
            levelCodes.forEach((value, code) -> values[code] = value);
            generalizedValues[level] = values;
            groupSizes[level] = Arrays.copyOf(counts, levelCodes.size());
        }
    }

    /** The value's code, -1 when the hierarchy does not hold the value. */
    int code(String value) {
        Integer code = codes.get(value);
        if (code == null) {
            return -1;
        }
        return code;
    }

    int levels() {
        return generalized.length;
    }

    int domainSize() {
        return domainSize;
    }

    int[] generalization(int level) {
        return generalized[level];
    }

    int generalizedDomainSize(int level) {
        return generalizedValues[level].length;
    }

    String generalizedValue(int level, int code) {
        return generalizedValues[level][generalized[level][code]];
    }

    /** The domain share's numerator; the share is this over {@link #domainSize()}. */
    int groupSize(int level, int code) {
        return groupSizes[level][generalized[level][code]];
    }
}
