package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

/**
 * Re-identification risks of a released table under ARX's three attacker models, for records not
 * suppressed. The prosecutor knows the target is in the table: a record's risk is 1/(its class size). The
 * journalist does not, and matches against a population; with no population given the table is its own
 * population, as in ARX, so the figures equal the prosecutor's. The marketer re-identifies as many records
 * as possible: the expected share is classes / records.
 */
public record ReidentificationRisks(double threshold, AttackerRisk prosecutor, AttackerRisk journalist,
        double marketer) {
    public ReidentificationRisks {
        requireNonNull(prosecutor, "prosecutor is null");
        requireNonNull(journalist, "journalist is null");
    }
}
