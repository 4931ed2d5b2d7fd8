package org.ebpmlake.anonymize.search;

/**
 * What checking one lattice node found: whether it meets the models within the suppression limit, and its
 * utility under the metric the search minimises.
 *
 * @param keptClasses equivalence classes not suppressed
 * @param smallestKeptClass size of the smallest of them, 0 when every record is suppressed
 * @param loss the value of the metric the search minimises
 * @param attributeLosses that metric's value per attribute before aggregation, empty for a metric of the whole table
 * @param discernibility Σ kept class size² + suppressed records × all records
 */
record NodeEvaluation(int[] levels, boolean anonymous, long suppressedRecords, long keptClasses,
        long smallestKeptClass, double loss, double[] attributeLosses, double discernibility) {
}
