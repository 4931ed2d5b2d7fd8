package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optimum the search found, as a recipe any engine can apply: generalize each quasi-identifier to its
 * level, then suppress the records of the listed equivalence classes. Applying it needs no search state, so
 * Spark applies to a table too large for memory exactly what the in-memory engine applies to a small one.
 *
 * @param suppressedClasses generalized quasi-identifier values, in quasi-identifier order, of every class
 *     whose records are suppressed
 * @param records records the search saw
 * @param keptClasses equivalence classes that were not suppressed
 * @param smallestClass size of the smallest of them, 0 when none
 * @param informationLoss ARX's Loss of the transformation, in [0, 1]
 * @param attributeLoss the Loss of each quasi-identifier before aggregation
 * @param discernibility Σ kept class size² + suppressed records × all records
 * @param optimised the metric the search minimised and its value here (ARX's Loss is stated above in any case)
 */
public record GeneralizationPlan(List<QuasiIdentifier> quasiIdentifiers, Transformation transformation,
        Set<List<String>> suppressedClasses, long records, long suppressedRecords, long keptClasses, long smallestClass,
        double informationLoss, Map<String, Double> attributeLoss, double discernibility, OptimisedMetric optimised,
        SearchStatistics statistics) {
    public GeneralizationPlan {
        quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        requireNonNull(transformation, "transformation is null");
        suppressedClasses = Set.copyOf(requireNonNull(suppressedClasses, "suppressedClasses is null"));
        requireNonNull(attributeLoss, "attributeLoss is null");
        requireNonNull(optimised, "optimised is null");
        requireNonNull(statistics, "statistics is null");
        // In the order of the quasi-identifiers, as reports list them.
        attributeLoss = Collections.unmodifiableMap(new LinkedHashMap<>(attributeLoss));
    }

    /** Each original value of a quasi-identifier with its generalization at the chosen level. */
    public Map<String, String> generalizationOf(String column) {
        requireNonNull(column, "column is null");
        int level = requireNonNull(transformation.levelByAttribute().get(column), () -> column + " is not a quasi-identifier");
        QuasiIdentifier quasiIdentifier = quasiIdentifiers.stream().filter(candidate -> candidate.column().equals(column))
                .findFirst().orElseThrow();
        Map<String, String> generalization = new LinkedHashMap<>();
        for (List<String> row : quasiIdentifier.hierarchy().rows()) {
            generalization.put(row.get(0), row.get(level));
        }
        return generalization;
    }

    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (QuasiIdentifier quasiIdentifier : quasiIdentifiers) {
            columns.add(quasiIdentifier.column());
        }
        return columns;
    }

    /** Records kept per kept class. */
    public double averageClassSize() {
        if (keptClasses == 0) {
            return 0;
        }
        return (double) (records - suppressedRecords) / keptClasses;
    }
}
