package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The optimal plan and the table it produces in memory (suppressed records have {@code *} in every
 * quasi-identifier). The accessors below read the plan, so callers need not care which of the two holds what.
 */
public record AnonymizationResult(GeneralizationPlan plan, Table output) {
    public AnonymizationResult {
        requireNonNull(plan, "plan is null");
        requireNonNull(output, "output is null");
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

    public SearchStatistics statistics() {
        return plan.statistics();
    }

    public double averageClassSize() {
        return plan.averageClassSize();
    }
}
