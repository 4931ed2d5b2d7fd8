package org.ebpmlake.anonymize.verify;

/** The class of each released row (-1 when suppressed), numbered in order of first sight, and a row of each class. */
record RowClasses(int count, int[] classOfRow, int[] firstRowOfClass) {
}
