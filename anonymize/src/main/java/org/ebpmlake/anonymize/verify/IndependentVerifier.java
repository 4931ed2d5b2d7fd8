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
        RowClasses classes = classesOfReleasedRows(input, output, transformation, columns, violations);
        long[] ones = new long[output.rows().size()];
        Arrays.fill(ones, 1);
        return checkClasses(output::columnIndex, columns, output.rows().size(), output::cell, ones, classes, violations,
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
        return checkClasses(output::columnIndex, columns, output.rows().size(), (row, column) -> output.rows().get(row)[column],
                counts, classesByReleasedText(output.rows(), columns, suppressedRows), violations,
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
     * Numbers the classes of the released rows that are not suppressed by their quasi-identifiers' text, each value
     * looked up in its column's own dictionary of released texts.
     */
    private static RowClasses classesByReleasedText(List<String[]> rows, int[] columns, boolean[] suppressedRows) {
        List<Map<String, Integer>> dictionaries = new ArrayList<>();
        for (int index = 0; index < columns.length; index++) {
            dictionaries.add(new HashMap<>());
        }
        ClassNumbering numbering = ClassNumbering.folding(rows.size(), columns.length);
        for (int row = 0; row < rows.size(); row++) {
            if (suppressedRows[row]) {
                numbering.suppress(row);
                continue;
            }
            String[] cells = rows.get(row);
            for (int index = 0; index < columns.length; index++) {
                Map<String, Integer> dictionary = dictionaries.get(index);
                Integer code = dictionary.get(cells[columns[index]]);
                if (code == null) {
                    code = dictionary.size();
                    dictionary.put(cells[columns[index]], code);
                }
                numbering.probe()[index] = code;
            }
            numbering.number(row);
        }
        return numbering.classes();
    }

    /**
     * Checks every class against every model, the rows of a class walked together: rows are put in order of class by
     * counting, without a list per class.
     *
     * @param columns the quasi-identifiers' columns in the released rows
     */
    private VerificationVerdict checkClasses(ToIntFunction<String> columnIndex, int[] columns, int rowCount, Cells cells,
            long[] counts, RowClasses classes, List<String> violations, Map<List<String>, Long> populationClasses) {
        int[] classOfRow = classes.classOfRow();
        int[] firstRowOfClass = classes.firstRowOfClass();
        long suppressed = 0;
        long records = 0;
        for (int row = 0; row < rowCount; row++) {
            records += counts[row];
            if (classOfRow[row] < 0) {
                suppressed += counts[row];
            }
        }
        int classCount = classes.count();
        // Rows in order of class, by counting: the members of class c are order[start[c]] .. order[start[c + 1] - 1].
        int[] start = new int[classCount + 1];
        long[] classSizes = new long[classCount];
        for (int row = 0; row < rowCount; row++) {
            if (classOfRow[row] >= 0) {
                start[classOfRow[row] + 1]++;
                classSizes[classOfRow[row]] += counts[row];
            }
        }
        for (int number = 0; number < classCount; number++) {
            start[number + 1] += start[number];
        }
        int[] order = new int[start[classCount]];
        int[] filled = Arrays.copyOf(start, classCount);
        for (int row = 0; row < rowCount; row++) {
            if (classOfRow[row] >= 0) {
                order[filled[classOfRow[row]]++] = row;
            }
        }
        List<ClassCheck> checks = new ArrayList<>();
        for (PrivacyModel model : models) {
            checks.add(new ClassCheck(model, columnIndex, rowCount, cells, counts));
        }
        List<Long> sizes = new ArrayList<>();
        for (int number = 0; number < classCount; number++) {
            long size = classSizes[number];
            long populationSize = size;
            if (population.isPresent()) {
                List<String> key = classText(cells, firstRowOfClass[number], columns);
                populationSize = populationClasses.getOrDefault(key, 0L);
                if (populationSize < size) {
                    violations.add("the class " + key + " has " + size + " released records but "
                            + populationSize + " in the population");
                }
            }
            List<String> failed = new ArrayList<>();
            for (ClassCheck check : checks) {
                if (!check.accepts(order, start[number], start[number + 1], size, populationSize)) {
                    failed.add(check.model.toString());
                }
            }
            if (failed.isEmpty()) {
                sizes.add(size);
            } else {
                violations.add("the class " + classText(cells, firstRowOfClass[number], columns) + " of " + size
                        + " records fails " + failed);
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

    /** A class as a person reads it: its quasi-identifiers' released values, in one of its rows. */
    private static List<String> classText(Cells cells, int row, int[] columns) {
        List<String> text = new ArrayList<>(columns.length);
        for (int column : columns) {
            text.add(cells.at(row, column));
        }
        return text;
    }

    /** The released values, read one at a time. */
    @FunctionalInterface
    private interface Cells {
        String at(int row, int column);
    }

    /**
     * Which rows were suppressed and the class of every other row ({@link TransformationCheck}). Any released value
     * that is not the transformation's is a violation. Where every value is the transformation's, the classes by text
     * are the transformation's classes. Otherwise the classes are numbered by the released text, so that the
     * violations name the classes as released.
     */
    private RowClasses classesOfReleasedRows(Table input, Table output, Transformation transformation, int[] columns,
            List<String> violations) {
        TransformationCheck check = new TransformationCheck(quasiIdentifiers, transformation, input, output, columns);
        boolean allAsTransformed = true;
        for (int row = 0; row < output.rows().size(); row++) {
            allAsTransformed &= check.check(row, violations, VIOLATIONS_SHOWN);
        }
        if (!allAsTransformed) {
            return classesByReleasedText(output.rows(), columns, check.suppressedRows());
        }
        return check.classes();
    }

    /**
     * One model's check, bound to the released table's own encoding of its sensitive attribute; the overall
     * distribution t-closeness compares with counts every released record, suppressed ones included.
     */
    private static final class ClassCheck {
        private final PrivacyModel model;
        private final ClassCriterion criterion;
        private final int column;
        private final long[] counts;
        private final Map<String, Integer> codes = new LinkedHashMap<>();
        /** Each row's code of the sensitive value; empty without a sensitive attribute. */
        private final int[] codeOfRow;

        ClassCheck(PrivacyModel model, ToIntFunction<String> columnIndex, int rowCount, Cells cells, long[] counts) {
            this.model = model;
            this.counts = counts;
            this.column = model.sensitiveAttribute().map(columnIndex::applyAsInt).orElse(-1);
            if (column < 0) {
                this.criterion = model.bind(SensitiveDomain.NONE);
                this.codeOfRow = new int[0];
                return;
            }
            this.codeOfRow = new int[rowCount];
            long[] overall = new long[16];
            for (int row = 0; row < rowCount; row++) {
                String value = cells.at(row, column);
                Integer code = codes.get(value);
                if (code == null) {
                    code = codes.size();
                    codes.put(value, code);
                    if (code == overall.length) {
                        overall = Arrays.copyOf(overall, code * 2);
                    }
                }
                codeOfRow[row] = code;
                overall[code] += counts[row];
            }
            long[] frequencies = Arrays.copyOf(overall, codes.size());
            this.criterion = model.bind(new SensitiveDomain(new ArrayList<>(codes.keySet()), frequencies));
        }

        /** Whether the class whose rows are {@code order[from]} .. {@code order[to - 1]} meets the model. */
        boolean accepts(int[] order, int from, int to, long size, long populationSize) {
            long[] frequencies = new long[codes.size()];
            if (column >= 0) {
                for (int member = from; member < to; member++) {
                    int row = order[member];
                    frequencies[codeOfRow[row]] += counts[row];
                }
            }
            return criterion.accepts(size, populationSize, frequencies);
        }
    }
}
