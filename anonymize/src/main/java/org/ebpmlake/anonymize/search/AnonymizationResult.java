package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.BitSet;
import java.util.Map;

/**
 * The optimal plan, the table it produces in memory (suppressed records have {@code *} in every
 * quasi-identifier) and which of its rows the plan suppressed: a row of all {@code *} may also be a kept record
 * of a fully generalized table. The accessors below read the plan, so callers need not care which holds what.
 */
public record AnonymizationResult(GeneralizationPlan plan, Table output, BitSet suppressedRows) {
    public AnonymizationResult {
        requireNonNull(plan, "plan is null");
        requireNonNull(output, "output is null");
        suppressedRows = (BitSet) requireNonNull(suppressedRows, "suppressedRows is null").clone();
    }

    @Override
    public BitSet suppressedRows() {
        return (BitSet) suppressedRows.clone();
    }

    /** Whether the plan suppressed the output's row (0-based). */
    public boolean suppressed(int row) {
        return suppressedRows.get(row);
    }

    public Transformation transformation() {
        return plan.transformation();
    }

    public long suppressedRecords() {
        return plan.suppressedRecords();
    }

    public long keptClasses() {
        return plan.keptClasses();
    }

    public long smallestClass() {
        return plan.smallestClass();
    }

    public double informationLoss() {
        return plan.informationLoss();
    }

    public Map<String, Double> attributeLoss() {
        return plan.attributeLoss();
    }

    public double discernibility() {
        return plan.discernibility();
    }

    /** The metric the search minimised and its value for this result. */
    public OptimisedMetric optimised() {
        return plan.optimised();
    }

    public SearchStatistics statistics() {
        return plan.statistics();
    }

    public double averageClassSize() {
        return plan.averageClassSize();
    }
}
