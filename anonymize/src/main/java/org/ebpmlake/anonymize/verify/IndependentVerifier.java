package org.ebpmlake.anonymize.verify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.ClassCriterion;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.SensitiveDomain;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.search.Transformation;

/**
 * Re-checks a released table on its own code path, sharing nothing with the search but the models'
 * definitions: every released value must be its input value generalized to the claimed level (or {@code *}
 * in all quasi-identifiers for a suppressed record); grouping the other released rows by their text, every class
 * must meet every model; and the suppressed records must fit in the suppression limit.
 */
public final class IndependentVerifier {
    private static final int VIOLATIONS_SHOWN = 10;

    private final List<QuasiIdentifier> quasiIdentifiers;
    private final List<PrivacyModel> models;
    private final double suppressionLimit;

    public IndependentVerifier(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit) {
        this.quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        this.models = List.copyOf(requireNonNull(models, "models is null"));
        this.suppressionLimit = suppressionLimit;
    }

    public VerificationVerdict verify(Table input, Table output, Transformation transformation) {
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(transformation, "transformation is null");
        List<String> violations = new ArrayList<>();
        if (input.rows().size() != output.rows().size()) {
            violations.add("the output has " + output.rows().size() + " rows, the input " + input.rows().size());
            return new VerificationVerdict(0, 0, 0, List.of(), violations);
        }
        int[] columns = new int[quasiIdentifiers.size()];
        for (int index = 0; index < columns.length; index++) {
            columns[index] = output.columnIndex(quasiIdentifiers.get(index).column());
        }
        boolean[] suppressedRows = suppressedRows(input, output, transformation, columns, violations);

        Map<List<String>, List<Integer>> classes = new LinkedHashMap<>();
        long suppressed = 0;
        for (int row = 0; row < output.rows().size(); row++) {
            if (suppressedRows[row]) {
                suppressed++;
                continue;
            }
            String[] cells = output.rows().get(row);
            List<String> key = new ArrayList<>(columns.length);
            for (int column : columns) {
                key.add(cells[column]);
            }
            classes.computeIfAbsent(key, ignored -> new ArrayList<>()).add(row);
        }
        List<ClassCheck> checks = new ArrayList<>();
        for (PrivacyModel model : models) {
            checks.add(new ClassCheck(model, output));
        }
        List<Long> sizes = new ArrayList<>();
        for (Map.Entry<List<String>, List<Integer>> entry : classes.entrySet()) {
            List<Integer> rows = entry.getValue();
            List<String> failed = new ArrayList<>();
            for (ClassCheck check : checks) {
                if (!check.accepts(rows)) {
                    failed.add(check.model.toString());
                }
            }
            if (failed.isEmpty()) {
                sizes.add((long) rows.size());
            } else {
                violations.add("the class " + entry.getKey() + " of " + rows.size() + " records fails " + failed);
            }
        }
        long allowed = (long) Math.floor(suppressionLimit * output.rows().size());
        if (suppressed > allowed) {
            violations.add(suppressed + " records are suppressed, the limit allows " + allowed);
        }
        long smallest = sizes.stream().mapToLong(Long::longValue).min().orElse(0);
        List<String> shown = violations.subList(0, Math.min(VIOLATIONS_SHOWN, violations.size()));
        return new VerificationVerdict(sizes.size(), smallest, suppressed, sizes, shown);
    }

    /**
     * Which rows were suppressed: all quasi-identifiers {@code *} where the transformation would not give
     * that. Any other released value that is not the transformation's is a violation.
     */
    private boolean[] suppressedRows(Table input, Table output, Transformation transformation, int[] columns,
            List<String> violations) {
        List<Map<String, String>> generalizations = new ArrayList<>();
        for (QuasiIdentifier quasiIdentifier : quasiIdentifiers) {
            int level = transformation.levelByAttribute().get(quasiIdentifier.column());
            Map<String, String> generalization = new HashMap<>();
            for (List<String> row : quasiIdentifier.hierarchy().rows()) {
                generalization.put(row.get(0), row.get(level));
            }
            generalizations.add(generalization);
        }
        int[] inputColumns = new int[columns.length];
        for (int index = 0; index < columns.length; index++) {
            inputColumns[index] = input.columnIndex(quasiIdentifiers.get(index).column());
        }
        boolean[] suppressed = new boolean[output.rows().size()];
        for (int row = 0; row < output.rows().size(); row++) {
            String[] released = output.rows().get(row);
            String[] original = input.rows().get(row);
            String[] expected = new String[columns.length];
            for (int index = 0; index < columns.length; index++) {
                expected[index] = generalizations.get(index).get(original[inputColumns[index]]);
            }
            boolean allStars = Arrays.stream(columns).allMatch(column -> Hierarchy.SUPPRESSED.equals(released[column]));
            boolean expectedAllStars = Arrays.stream(expected).allMatch(Hierarchy.SUPPRESSED::equals);
            suppressed[row] = allStars && !expectedAllStars;
            for (int index = 0; index < columns.length && !suppressed[row]; index++) {
                if (!released[columns[index]].equals(expected[index]) && violations.size() < VIOLATIONS_SHOWN) {
                    violations.add("row " + (row + 1) + ": " + quasiIdentifiers.get(index).column() + " is '"
                            + released[columns[index]] + "', the transformation gives '" + expected[index] + "'");
                }
            }
        }
        return suppressed;
    }

    /** One model's check, bound to the released table's own encoding of its sensitive attribute. */
    private static final class ClassCheck {
        private final PrivacyModel model;
        private final ClassCriterion criterion;
        private final int column;
        private final Table output;
        private final Map<String, Integer> codes = new LinkedHashMap<>();

        ClassCheck(PrivacyModel model, Table output) {
            this.model = model;
            this.output = output;
            this.column = model.sensitiveAttribute().map(output::columnIndex).orElse(-1);
            if (column < 0) {
                this.criterion = model.bind(SensitiveDomain.NONE);
                return;
            }
            Map<String, Long> overall = new LinkedHashMap<>();
            for (String[] row : output.rows()) {
                overall.merge(row[column], 1L, Long::sum);
            }
            long[] frequencies = new long[overall.size()];
            for (Map.Entry<String, Long> entry : overall.entrySet()) {
                frequencies[codes.size()] = entry.getValue();
                codes.put(entry.getKey(), codes.size());
            }
            this.criterion = model.bind(new SensitiveDomain(new ArrayList<>(codes.keySet()), frequencies));
        }

        boolean accepts(List<Integer> rows) {
            long[] frequencies = new long[codes.size()];
            if (column >= 0) {
                for (int row : rows) {
                    frequencies[codes.get(cell(row))]++;
                }
            }
            return criterion.accepts(rows.size(), frequencies);
        }

        private String cell(int row) {
            return output.rows().get(row)[column];
        }
    }
}
