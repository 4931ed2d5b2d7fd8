package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

/**
 * Estimates of the share of the population that is unique on the quasi-identifiers, from the released sample's
 * class sizes and the population's size, as ARX offers them: Pitman's model (Hoshino 2001), Zayatz's (1991), the
 * SNB model (Chen and Keller-McNulty 1998) and Dankar et al.'s decision rule (2012) choosing among them (Pitman
 * at a sampling fraction up to 10 %, falling back to Zayatz; above, the smaller of Zayatz and SNB when SNB
 * converges). A model that does not converge reports 0, as ARX does; {@link #dankarModel} says which one the rule
 * took.
 *
 * @param pitman estimated share of population uniques under Pitman's model
 * @param zayatz under Zayatz's model
 * @param snb under the SNB model
 * @param dankar under Dankar's decision rule
 */
public record PopulationUniqueness(double pitman, double zayatz, double snb, double dankar, Model dankarModel) {
    /**
     * The model Dankar's rule took; NONE when the sample has no unique, so every estimate is 0; COUNTED when the
     * population's class sizes are known, so its uniques are counted, not estimated.
     */
    public enum Model {
        PITMAN, ZAYATZ, SNB, NONE, COUNTED
    }

    public PopulationUniqueness {
        requireNonNull(dankarModel, "dankarModel is null");
    }

    public static final PopulationUniqueness NONE = new PopulationUniqueness(0, 0, 0, 0, Model.NONE);
}
