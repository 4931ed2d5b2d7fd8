package org.ebpmlake.anonymize.search;

/**
 * What checking one lattice node found: whether it meets the models within the suppression limit, and its
 * utility under ARX's Loss metric, counting suppressed records as fully generalized.
 *
 * @param keptClasses equivalence classes not suppressed
 * @param smallestKeptClass size of the smallest of them, 0 when every record is suppressed
 * @param discernibility Σ kept class size² + suppressed records × all records
 */
record NodeEvaluation(int[] levels, boolean anonymous, long suppressedRecords, long keptClasses,
        long smallestKeptClass, double loss, double[] attributeLosses, double discernibility) {
}
