package org.ebpmlake.anonymize.risk;

/**
 * One attacker model's re-identification risk over the released records.
 *
 * @param highest the largest risk of any record
 * @param average the mean risk per record, the expected share of records re-identified
 * @param recordsAboveThreshold the share of records whose risk exceeds the threshold
 */
public record AttackerRisk(double highest, double average, double recordsAboveThreshold) {
    public AttackerRisk {
        for (double risk : new double[] {highest, average, recordsAboveThreshold}) {
            if (!(risk >= 0 && risk <= 1)) {
                throw new IllegalArgumentException("risks are probabilities in [0, 1], got " + risk);
            }
        }
    }
}
