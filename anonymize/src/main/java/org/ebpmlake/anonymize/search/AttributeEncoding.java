package org.ebpmlake.anonymize.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** ARX's domain share: of the hierarchy's rows, the fraction generalized to the same value at the level. */
    private final double[][] shares;
    private final int domainSize;

    AttributeEncoding(Hierarchy hierarchy) {
        List<List<String>> rows = hierarchy.rows();
        domainSize = rows.size();
        int levels = hierarchy.levels();
        generalized = new int[levels][domainSize];
        generalizedValues = new String[levels][];
        shares = new double[levels][];
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
            shares[level] = new double[levelCodes.size()];
            for (int code = 0; code < levelCodes.size(); code++) {
                shares[level][code] = (double) counts[code] / domainSize;
            }
        }
    }

    Optional<Integer> code(String value) {
        return Optional.ofNullable(codes.get(value));
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

    double share(int level, int code) {
        return shares[level][generalized[level][code]];
    }
}
