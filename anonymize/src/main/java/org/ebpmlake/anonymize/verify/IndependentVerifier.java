package org.ebpmlake.anonymize.verify;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.ebpmlake.anonymize.ClassCriterion;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.SensitiveDomain;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.search.Transformation;
import org.ebpmlake.anonymize.search.TupleCounts;

/**
 * Re-checks a released table on its own code path, sharing nothing with the search but the models'
 * definitions. Grouping the released rows that are not suppressed by their text, every class must meet every
 * model, and the suppressed records must fit in the suppression limit. A suppressed record has {@code *} in
 * every quasi-identifier where the transformation alone would not give that.
 *
 * <p>Given the input table too, every released value must be its input value generalized to the claimed
 * level. Given only the released table's counted rows (what Spark hands back for a table too large for
 * memory), every released value must be a value of its hierarchy at the claimed level, and the counts must
 * add up to the input's records.
 */
public final class IndependentVerifier {
    private static final int VIOLATIONS_SHOWN = 10;

    private final List<QuasiIdentifier> quasiIdentifiers;
    private final List<PrivacyModel> models;
    private final double suppressionLimit;
    private final Optional<TupleCounts> population;

    public IndependentVerifier(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit) {
        this(quasiIdentifiers, models, suppressionLimit, Optional.empty());
    }

    private IndependentVerifier(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit, Optional<TupleCounts> population) {
        this.quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        this.models = List.copyOf(requireNonNull(models, "models is null"));
        this.suppressionLimit = suppressionLimit;
        this.population = requireNonNull(population, "population is null");
    }

    /** The verifier for a release drawn from a population table (k-map, δ-presence count classes in it). */
    public IndependentVerifier withPopulation(TupleCounts populationCounts) {
        return new IndependentVerifier(quasiIdentifiers, models, suppressionLimit, Optional.of(populationCounts));
    }

    /** The population's records per generalized class, by its own generalization of the population's rows. */
    private Map<List<String>, Long> populationClasses(Transformation transformation) {
        Map<List<String>, Long> classes = new HashMap<>();
        if (population.isEmpty()) {
            return classes;
        }
        List<Map<String, String>> generalizations = new ArrayList<>();
        int[] columns = new int[quasiIdentifiers.size()];
        for (int index = 0; index < columns.length; index++) {
            QuasiIdentifier quasiIdentifier = quasiIdentifiers.get(index);
            int level = transformation.levelByAttribute().get(quasiIdentifier.column());
            Map<String, String> generalization = new HashMap<>();
            for (List<String> row : quasiIdentifier.hierarchy().rows()) {
                generalization.put(row.get(0), row.get(level));
            }
            generalizations.add(generalization);
            columns[index] = population.get().columnIndex(quasiIdentifier.column());
        }
        for (int row = 0; row < population.get().rows().size(); row++) {
            String[] cells = population.get().rows().get(row);
            List<String> key = new ArrayList<>(columns.length);
            for (int index = 0; index < columns.length; index++) {
                key.add(generalizations.get(index).get(cells[columns[index]]));
            }
            classes.merge(key, population.get().counts().get(row), Long::sum);
        }
        return classes;
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
        int[] columns = quasiIdentifierColumns(output::columnIndex);
        boolean[] suppressedRows = suppressedRows(input, output, transformation, columns, violations);
        long[] ones = new long[output.rows().size()];
        Arrays.fill(ones, 1);
        return checkClasses(output::columnIndex, columns, output.rows(), ones, suppressedRows, violations,
                populationClasses(transformation));
    }

    public VerificationVerdict verify(TupleCounts output, long inputRecords, Transformation transformation) {
        requireNonNull(output, "output is null");
        requireNonNull(transformation, "transformation is null");
        List<String> violations = new ArrayList<>();
        if (output.records() != inputRecords) {
            violations.add("the output counts " + output.records() + " records, the input " + inputRecords);
            return new VerificationVerdict(0, 0, 0, List.of(), violations);
        }
        int[] columns = quasiIdentifierColumns(output::columnIndex);
        List<Set<String>> allowed = new ArrayList<>();
        boolean transformationSuppressesAll = true;
        for (QuasiIdentifier quasiIdentifier : quasiIdentifiers) {
            int level = transformation.levelByAttribute().get(quasiIdentifier.column());
            Set<String> values = new HashSet<>();
            for (List<String> row : quasiIdentifier.hierarchy().rows()) {
                values.add(row.get(level));
            }
            transformationSuppressesAll &= values.equals(Set.of(Hierarchy.SUPPRESSED));
            allowed.add(values);
        }
        boolean[] suppressedRows = new boolean[output.rows().size()];
        for (int row = 0; row < output.rows().size(); row++) {
            String[] released = output.rows().get(row);
            suppressedRows[row] = !transformationSuppressesAll
                    && Arrays.stream(columns).allMatch(column -> Hierarchy.SUPPRESSED.equals(released[column]));
            for (int index = 0; index < columns.length && !suppressedRows[row]; index++) {
                if (!allowed.get(index).contains(released[columns[index]]) && violations.size() < VIOLATIONS_SHOWN) {
                    violations.add("released row " + (row + 1) + ": " + quasiIdentifiers.get(index).column() + " is '"
                            + released[columns[index]] + "', not a value of its hierarchy at level "
                            + transformation.levelByAttribute().get(quasiIdentifiers.get(index).column()));
                }
            }
        }
        long[] counts = output.counts().stream().mapToLong(Long::longValue).toArray();
        return checkClasses(output::columnIndex, columns, output.rows(), counts, suppressedRows, violations,
                populationClasses(transformation));
    }

    private int[] quasiIdentifierColumns(ToIntFunction<String> columnIndex) {
        int[] columns = new int[quasiIdentifiers.size()];
        for (int index = 0; index < columns.length; index++) {
            columns[index] = columnIndex.applyAsInt(quasiIdentifiers.get(index).column());
        }
        return columns;
    }

    /**
     * Groups the released rows that are not suppressed into classes and checks every class against every model.
     *
     * @param columns the quasi-identifiers' columns in the released rows
     */
    private VerificationVerdict checkClasses(ToIntFunction<String> columnIndex, int[] columns, List<String[]> rows,
            long[] counts, boolean[] suppressedRows, List<String> violations, Map<List<String>, Long> populationClasses) {
        Map<List<String>, List<Integer>> classes = new LinkedHashMap<>();
        long suppressed = 0;
        long records = 0;
        for (int row = 0; row < rows.size(); row++) {
            records += counts[row];
            if (suppressedRows[row]) {
                suppressed += counts[row];
                continue;
            }
            String[] cells = rows.get(row);
            List<String> key = new ArrayList<>(columns.length);
            for (int column : columns) {
                key.add(cells[column]);
            }
            classes.computeIfAbsent(key, ignored -> new ArrayList<>()).add(row);
        }
        List<ClassCheck> checks = new ArrayList<>();
        for (PrivacyModel model : models) {
            checks.add(new ClassCheck(model, columnIndex, rows, counts));
        }
        List<Long> sizes = new ArrayList<>();
        for (Map.Entry<List<String>, List<Integer>> entry : classes.entrySet()) {
            List<Integer> members = entry.getValue();
            long size = members.stream().mapToLong(row -> counts[row]).sum();
            long populationSize = size;
            if (population.isPresent()) {
                populationSize = populationClasses.getOrDefault(entry.getKey(), 0L);
                if (populationSize < size) {
                    violations.add("the class " + entry.getKey() + " has " + size + " released records but "
                            + populationSize + " in the population");
                }
            }
            List<String> failed = new ArrayList<>();
            for (ClassCheck check : checks) {
                if (!check.accepts(members, size, populationSize)) {
                    failed.add(check.model.toString());
                }
            }
            if (failed.isEmpty()) {
                sizes.add(size);
            } else {
                violations.add("the class " + entry.getKey() + " of " + size + " records fails " + failed);
            }
        }
        long allowed = (long) Math.floor(suppressionLimit * records);
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

    /**
     * One model's check, bound to the released table's own encoding of its sensitive attribute; the overall
     * distribution t-closeness compares with counts every released record, suppressed ones included.
     */
    private static final class ClassCheck {
        private final PrivacyModel model;
        private final ClassCriterion criterion;
        private final int column;
        private final List<String[]> rows;
        private final long[] counts;
        private final Map<String, Integer> codes = new LinkedHashMap<>();

        ClassCheck(PrivacyModel model, ToIntFunction<String> columnIndex, List<String[]> rows, long[] counts) {
            this.model = model;
            this.rows = rows;
            this.counts = counts;
            this.column = model.sensitiveAttribute().map(columnIndex::applyAsInt).orElse(-1);
            if (column < 0) {
                this.criterion = model.bind(SensitiveDomain.NONE);
                return;
            }
            Map<String, Long> overall = new LinkedHashMap<>();
            for (int row = 0; row < rows.size(); row++) {
                overall.merge(rows.get(row)[column], counts[row], Long::sum);
            }
            long[] frequencies = new long[overall.size()];
            for (Map.Entry<String, Long> entry : overall.entrySet()) {
                frequencies[codes.size()] = entry.getValue();
                codes.put(entry.getKey(), codes.size());
            }
            this.criterion = model.bind(new SensitiveDomain(new ArrayList<>(codes.keySet()), frequencies));
        }

        boolean accepts(List<Integer> members, long size, long populationSize) {
            long[] frequencies = new long[codes.size()];
            if (column >= 0) {
                for (int row : members) {
                    frequencies[codes.get(rows.get(row)[column])] += counts[row];
                }
            }
            return criterion.accepts(size, populationSize, frequencies);
        }
    }
}
