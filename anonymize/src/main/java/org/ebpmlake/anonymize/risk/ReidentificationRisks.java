package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

/**
 * Re-identification risks of a released table under ARX's three attacker models, for records not suppressed,
 * against a declared population. The prosecutor knows the target is in the table: a record's risk is 1/(its
 * class size). The journalist does not, and matches against the population: a record's risk is 1/(its class's
 * size in the population), counted when the population is given, else estimated as the class size over the
 * sampling fraction. The marketer re-identifies as many records as possible: the expected share is the mean of
 * (class size / population class size). With the sample as its own population (a whole-registry extract) the
 * journalist's figures equal the prosecutor's, as they should.
 *
 * @param populationSize the declared population's size
 * @param populationUniqueness the population-uniqueness estimates (Pitman, Zayatz, SNB, Dankar)
 */
public record ReidentificationRisks(double threshold, AttackerRisk prosecutor, AttackerRisk journalist,
        double marketer, long populationSize, PopulationUniqueness populationUniqueness) {
    public ReidentificationRisks {
        requireNonNull(prosecutor, "prosecutor is null");
        requireNonNull(journalist, "journalist is null");
        requireNonNull(populationUniqueness, "populationUniqueness is null");
    }
}
