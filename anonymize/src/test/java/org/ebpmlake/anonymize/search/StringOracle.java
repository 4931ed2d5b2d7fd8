package org.ebpmlake.anonymize.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/**
 * A slow, obvious re-implementation for tests: generalizes the records as text, groups them in hash maps,
 * suppresses classes smaller than k and computes ARX's Loss from the hierarchies' rows. It shares no code
 * with the engine, so agreeing with it means more than agreeing with the engine's own evaluator.
 */
final class StringOracle {
    private final Table input;
    private final List<QuasiIdentifier> quasiIdentifiers;

    /** generalizations.get(attribute).get(level): value → generalized value. */
    private final List<List<Map<String, String>>> generalizations = new ArrayList<>();
    private final Map<Integer, int[]> classSizesByNode = new HashMap<>();
    private final Map<String, double[]> sharesByAttributeAndLevel = new HashMap<>();

    StringOracle(Table input, List<QuasiIdentifier> quasiIdentifiers) {
        this.input = input;
        this.quasiIdentifiers = quasiIdentifiers;
        for (QuasiIdentifier quasiIdentifier : quasiIdentifiers) {
            List<Map<String, String>> byLevel = new ArrayList<>();
            for (int level = 0; level < quasiIdentifier.hierarchy().levels(); level++) {
                Map<String, String> generalization = new HashMap<>();
                for (List<String> hierarchyRow : quasiIdentifier.hierarchy().rows()) {
                    generalization.put(hierarchyRow.get(0), hierarchyRow.get(level));
                }
                byLevel.add(generalization);
            }
            generalizations.add(byLevel);
        }
    }

    /** The least Loss of any transformation that is k-anonymous within the suppression limit. */
    double minimumLoss(int k, double suppressionLimit) {
        double minimum = Double.POSITIVE_INFINITY;
        List<int[]> transformations = allTransformations();
        for (int node = 0; node < transformations.size(); node++) {
            int[] levels = transformations.get(node);
            int[] classSizes = classSizeOfRows(node, levels);
            boolean[] suppressed = new boolean[classSizes.length];
            long suppressedCount = 0;
            for (int row = 0; row < suppressed.length; row++) {
                suppressed[row] = classSizes[row] < k;
                if (suppressed[row]) {
                    suppressedCount++;
                }
            }
            if (suppressedCount <= Math.floor(suppressionLimit * input.rows().size())) {
                minimum = Math.min(minimum, loss(levels, suppressed));
            }
        }
        return minimum;
    }

    /** ARX's Loss (geometric mean) of a transformation, given which records it suppresses. */
    double loss(int[] levels, boolean[] suppressed) {
        double product = 1;
        for (int attribute = 0; attribute < levels.length; attribute++) {
            double[] shares = shareOfRows(attribute, levels[attribute]);
            double sum = 0;
            for (int row = 0; row < suppressed.length; row++) {
                if (suppressed[row]) {
                    sum += 1;
                } else {
                    sum += shares[row];
                }
            }
            double records = input.rows().size();
            double minimum = records / quasiIdentifiers.get(attribute).hierarchy().size();
            double attributeLoss = Math.max(0, (sum - minimum) / (records - minimum));
            product *= Math.pow(attributeLoss + 1, 1.0 / levels.length);
        }
        return product - 1;
    }

    /**
     * Each record's domain share at a level: of the hierarchy's rows, the fraction that generalize to the
     * record's generalized value.
     */
    private double[] shareOfRows(int attribute, int level) {
        return sharesByAttributeAndLevel.computeIfAbsent(attribute + "/" + level, ignored -> {
            Hierarchy hierarchy = quasiIdentifiers.get(attribute).hierarchy();
            Map<String, Integer> rowsPerValue = new HashMap<>();
            for (List<String> hierarchyRow : hierarchy.rows()) {
                rowsPerValue.merge(hierarchyRow.get(level), 1, Integer::sum);
            }
            Map<String, String> generalization = generalizations.get(attribute).get(level);
            int column = input.columnIndex(quasiIdentifiers.get(attribute).column());
            double[] shares = new double[input.rows().size()];
            for (int row = 0; row < shares.length; row++) {
                shares[row] = (double) rowsPerValue.get(generalization.get(input.rows().get(row)[column]))
                        / hierarchy.size();
            }
            return shares;
        });
    }

    /** The size of each record's class at a node, computed once per node: grouping text is the slow part. */
    private int[] classSizeOfRows(int node, int[] levels) {
        return classSizesByNode.computeIfAbsent(node, ignored -> {
            List<List<String>> keys = new ArrayList<>();
            Map<List<String>, Integer> sizes = new HashMap<>();
            for (String[] row : input.rows()) {
                List<String> key = generalized(row, levels);
                keys.add(key);
                sizes.merge(key, 1, Integer::sum);
            }
            int[] classSizes = new int[keys.size()];
            for (int row = 0; row < classSizes.length; row++) {
                classSizes[row] = sizes.get(keys.get(row));
            }
            return classSizes;
        });
    }

    private List<String> generalized(String[] row, int[] levels) {
        List<String> key = new ArrayList<>(levels.length);
        for (int attribute = 0; attribute < levels.length; attribute++) {
            int column = input.columnIndex(quasiIdentifiers.get(attribute).column());
            key.add(generalizations.get(attribute).get(levels[attribute]).get(row[column]));
        }
        return key;
    }

    private List<int[]> allTransformations() {
        List<int[]> transformations = new ArrayList<>();
        transformations.add(new int[quasiIdentifiers.size()]);
        for (int attribute = 0; attribute < quasiIdentifiers.size(); attribute++) {
            List<int[]> extended = new ArrayList<>();
            for (int[] partial : transformations) {
                for (int level = 0; level < quasiIdentifiers.get(attribute).hierarchy().levels(); level++) {
                    int[] next = partial.clone();
                    next[attribute] = level;
                    extended.add(next);
                }
            }
            transformations = extended;
        }
        return transformations;
    }
}
