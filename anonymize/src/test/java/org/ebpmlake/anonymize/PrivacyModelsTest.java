package org.ebpmlake.anonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.junit.jupiter.api.Test;

/** Each model on classes whose verdict is worked out by hand in the comments. */
class PrivacyModelsTest {
    /** Four diseases, two families; the input holds each equally often. */
    private static final SensitiveDomain DISEASES = new SensitiveDomain(List.of("flu", "cold", "gastritis", "ulcer"),
            new long[] {25, 25, 25, 25});
    private static final Hierarchy DISEASE_FAMILIES = new Hierarchy(List.of(
            List.of("flu", "respiratory", "*"),
            List.of("cold", "respiratory", "*"),
            List.of("gastritis", "stomach", "*"),
            List.of("ulcer", "stomach", "*")));

    @Test
    void kAnonymityAcceptsClassesOfAtLeastK() {
        ClassCriterion criterion = new KAnonymity(3).bind(SensitiveDomain.NONE);

        assertThat(criterion.accepts(3, 3, new long[0])).isTrue();
        assertThat(criterion.accepts(2, 2, new long[0])).isFalse();
    }

    @Test
    void distinctLDiversityCountsTheDifferentSensitiveValues() {
        ClassCriterion criterion = new DistinctLDiversity("disease", 3).bind(DISEASES);

        assertThat(criterion.accepts(10, 10, new long[] {8, 1, 1, 0})).isTrue();
        assertThat(criterion.accepts(10, 10, new long[] {5, 5, 0, 0})).isFalse();
    }

    @Test
    void entropyLDiversityComparesTheEntropyWithLogL() {
        // {5, 5}: entropy ln 2, enough for l = 2, not for l = 2.1; {8, 2}: 0.500 nats < ln 2 = 0.693.
        assertThat(new EntropyLDiversity("disease", 2).bind(DISEASES).accepts(10, 10, new long[] {5, 5, 0, 0})).isTrue();
        assertThat(new EntropyLDiversity("disease", 2.1).bind(DISEASES).accepts(10, 10, new long[] {5, 5, 0, 0})).isFalse();
        assertThat(new EntropyLDiversity("disease", 2).bind(DISEASES).accepts(10, 10, new long[] {8, 2, 0, 0})).isFalse();
    }

    @Test
    void recursiveDiversityComparesTheMostFrequentValueWithTheTail() {
        // (c=2, l=2) on {6, 3, 1}: r1 = 6 < 2 × (3 + 1) = 8 holds; on {7, 2, 1}: 7 < 2 × 3 = 6 fails.
        ClassCriterion criterion = new RecursiveCLDiversity("disease", 2, 2).bind(DISEASES);

        assertThat(criterion.accepts(10, 10, new long[] {6, 3, 1, 0})).isTrue();
        assertThat(criterion.accepts(10, 10, new long[] {7, 2, 1, 0})).isFalse();
        // Fewer than l values fail whatever c is.
        assertThat(new RecursiveCLDiversity("disease", 100, 3).bind(DISEASES).accepts(10, 10, new long[] {5, 5, 0, 0}))
                .isFalse();
    }

    @Test
    void equalDistanceIsHalfTheL1DistanceToTheInputDistribution() {
        DistanceToOverall distance = new GroundDistance.Equal().bind(DISEASES);

        // ½ (|1 − ¼| + ¼ + ¼ + ¼) = 0.75
        assertThat(distance.distance(new long[] {4, 0, 0, 0})).isCloseTo(0.75, within(1e-12));
        assertThat(distance.distance(new long[] {1, 1, 1, 1})).isCloseTo(0, within(1e-12));
    }

    @Test
    void hierarchicalDistanceChargesMovesWithinAFamilyLessThanAcrossFamilies() {
        DistanceToOverall distance = new GroundDistance.Hierarchical(DISEASE_FAMILIES).bind(DISEASES);

        // Only flu: within "respiratory" ¼ moves at cost ½ (level 1 of height 2), across families ½ moves at
        // cost 1: ⅛ + ½ = 0.625.
        assertThat(distance.distance(new long[] {4, 0, 0, 0})).isCloseTo(0.625, within(1e-12));
        // Only respiratory diseases, evenly: nothing moves within a family, ½ moves across: 0.5.
        assertThat(distance.distance(new long[] {2, 2, 0, 0})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void tClosenessAcceptsClassesWithinTOfTheInput() {
        TCloseness model = new TCloseness("disease", 0.6, new GroundDistance.Hierarchical(DISEASE_FAMILIES));

        assertThat(model.bind(DISEASES).accepts(4, 4, new long[] {2, 2, 0, 0})).isTrue();
        assertThat(model.bind(DISEASES).accepts(4, 4, new long[] {4, 0, 0, 0})).isFalse();
        assertThat(new TCloseness("disease", 0.6, new GroundDistance.Equal()).bind(DISEASES)
                .accepts(4, 4, new long[] {4, 0, 0, 0})).isFalse();
    }

    @Test
    void onlyModelsThatSurviveAnyMergeAllowPruningUnderSuppression() {
        assertThat(new KAnonymity(2).survivesMergingWithAnyClass()).isTrue();
        assertThat(new DistinctLDiversity("disease", 2).survivesMergingWithAnyClass()).isTrue();
        assertThat(new EntropyLDiversity("disease", 2).survivesMergingWithAnyClass()).isFalse();
        assertThat(new TCloseness("disease", 0.2, new GroundDistance.Equal()).survivesMergingWithAnyClass()).isFalse();
    }
}
