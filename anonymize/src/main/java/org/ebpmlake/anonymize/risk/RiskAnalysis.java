package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

import java.util.Collection;

/** Computes {@link ReidentificationRisks} from the sizes of a released table's equivalence classes. */
public record RiskAnalysis(double threshold) {
    public RiskAnalysis {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the risk threshold must be in (0, 1], got " + threshold);
        }
    }

    public ReidentificationRisks analyze(Collection<Long> classSizes) {
        requireNonNull(classSizes, "classSizes is null");
        long records = 0;
        long classes = 0;
        long smallest = Long.MAX_VALUE;
        long aboveThreshold = 0;
        for (long size : classSizes) {
            if (size <= 0) {
                throw new IllegalArgumentException("an equivalence class cannot have " + size + " records");
            }
            records += size;
            classes++;
            smallest = Math.min(smallest, size);
            if (1.0 / size > threshold) {
                aboveThreshold += size;
            }
        }
        if (records == 0) {
            AttackerRisk none = new AttackerRisk(0, 0, 0);
            return new ReidentificationRisks(threshold, none, none, 0);
        }
        double average = (double) classes / records;
        AttackerRisk prosecutor = new AttackerRisk(1.0 / smallest, average, (double) aboveThreshold / records);
        return new ReidentificationRisks(threshold, prosecutor, prosecutor, average);
    }
}
