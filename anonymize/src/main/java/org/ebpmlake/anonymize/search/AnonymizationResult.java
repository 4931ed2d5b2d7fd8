package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimal transformation, the table it produces (suppressed records have {@code *} in every
 * quasi-identifier) and its utility.
 *
 * @param keptClasses equivalence classes that were not suppressed
 * @param smallestClass size of the smallest of them
 * @param informationLoss ARX's Loss of the transformation, in [0, 1]
 * @param attributeLoss the Loss of each quasi-identifier before aggregation
 * @param discernibility Σ kept class size² + suppressed records × all records
 */
public record AnonymizationResult(Transformation transformation, Table output, long suppressedRecords,
        long keptClasses, long smallestClass, double informationLoss, Map<String, Double> attributeLoss,
        double discernibility, SearchStatistics statistics) {
    public AnonymizationResult {
        requireNonNull(transformation, "transformation is null");
        requireNonNull(output, "output is null");
        requireNonNull(attributeLoss, "attributeLoss is null");
        requireNonNull(statistics, "statistics is null");
        // In the order of the quasi-identifiers, as reports list them.
        attributeLoss = Collections.unmodifiableMap(new LinkedHashMap<>(attributeLoss));
    }

    /** Records kept per kept class. */
    public double averageClassSize() {
        if (keptClasses == 0) {
            return 0;
        }
        return (double) (output.rows().size() - suppressedRecords) / keptClasses;
    }
}
