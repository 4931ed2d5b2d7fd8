package org.ebpmlake.anonymize.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.KMap;
import org.junit.jupiter.api.Test;

/** Population risk estimates on small tables, against values computed by hand. */
class PopulationRiskTest {
    /** C(n, k) by hand, for the hypergeometric probabilities below. */
    private static double choose(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    @Test
    void zayatzEstimatesPopulationUniquesFromTheHypergeometricChanceThatASampleUniqueIsAPopulationUnique() {
        // Classes of 1, 1, 2 and 3 records (7) drawn from a population of 14, so the sampling fraction is 1/2.
        ClassSizeHistogram histogram = ClassSizeHistogram.of(List.of(1L, 1L, 2L, 3L));
        // P(X = 1) for a class of K population records when 7 of 14 are drawn: K·C(14−K, 6) / C(14, 7).
        double all = choose(14, 7);
        double one = choose(13, 6) / all;
        double two = 2 * choose(12, 6) / all;
        double three = 3 * choose(11, 6) / all;
        double weighted = 2.0 / 4 * one + 1.0 / 4 * two + 1.0 / 4 * three;
        double conditional = 2.0 / 4 * one / weighted;
        double expectedUniques = 2 * conditional / 0.5;

        assertThat(PopulationModels.zayatz(histogram, 14)).isCloseTo(expectedUniques, within(1e-9));
        // Above a 10 % sampling fraction Dankar's rule takes the smaller of Zayatz and SNB.
        PopulationUniqueness estimate = PopulationModels.estimate(histogram, 14);
        assertThat(estimate.zayatz()).isCloseTo(expectedUniques / 14, within(1e-9));
        assertThat(estimate.dankarModel()).isIn(PopulationUniqueness.Model.ZAYATZ, PopulationUniqueness.Model.SNB);
        assertThat(estimate.dankar()).isEqualTo(Math.min(estimate.zayatz(), estimate.snb() == 0 ? estimate.zayatz() : estimate.snb()));
    }

    @Test
    void atASmallSamplingFractionDankarsRuleTakesPitmanWhenItConvergesAndZayatzOtherwise() {
        // 75 classes: 60 uniques, 10 pairs, 5 of 3 (95 records) from a population of 10,000. ARX's starting point
        // by hand: c = 60·59/10 = 354, θ0 = (95·75·354 − 60·94·504) / (2·60·75 + 60·354 − 95·354) ≈ 94.5 and
        // α0 ≈ 0.33, inside Pitman's range, so Newton's method converges from it.
        List<Long> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sizes.add(1L);
        }
        for (int i = 0; i < 10; i++) {
            sizes.add(2L);
        }
        for (int i = 0; i < 5; i++) {
            sizes.add(3L);
        }
        PopulationUniqueness estimate = PopulationModels.estimate(ClassSizeHistogram.of(sizes), 10_000);

        assertThat(estimate.zayatz()).isPositive();
        if (estimate.pitman() > 0) {
            assertThat(estimate.dankarModel()).isEqualTo(PopulationUniqueness.Model.PITMAN);
            assertThat(estimate.dankar()).isEqualTo(estimate.pitman());
            assertThat(estimate.pitman() * 10_000).isLessThan(10_000);
        } else {
            assertThat(estimate.dankarModel()).isEqualTo(PopulationUniqueness.Model.ZAYATZ);
            assertThat(estimate.dankar()).isEqualTo(estimate.zayatz());
        }
    }

    @Test
    void whenTheSampleIsThePopulationEveryEstimateIsTheSamplesOwnUniquesAndTheJournalistKnowsWhatTheProsecutorKnows() {
        ReidentificationRisks risks = new RiskAnalysis(0.3).analyze(List.of(1L, 2L, 7L));

        assertThat(risks.populationUniqueness().dankar()).isCloseTo(1.0 / 10, within(1e-12));
        assertThat(risks.journalist()).isEqualTo(risks.prosecutor());
        assertThat(risks.marketer()).isCloseTo(3.0 / 10, within(1e-12));
    }

    @Test
    void aSampleOfAPopulationLowersTheJournalistsAndMarketersRiskByTheSamplingFraction() {
        // Classes of 2, 4 and 4 (10 records) from a population of 40: each class is expected 4× larger there.
        ReidentificationRisks risks = new RiskAnalysis(0.2).analyze(List.of(2L, 4L, 4L), 40);

        assertThat(risks.prosecutor().highest()).isCloseTo(0.5, within(1e-12));
        assertThat(risks.journalist().highest()).isCloseTo(1.0 / 8, within(1e-12));
        // Σ f/F / n = (2/8 + 4/16 + 4/16) / 10 = 0.075.
        assertThat(risks.marketer()).isCloseTo(0.075, within(1e-12));
        assertThat(risks.journalist().recordsAboveThreshold()).isZero();
        // 1/2 and 1/4 are both above 0.2 for the prosecutor: every record.
        assertThat(risks.prosecutor().recordsAboveThreshold()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void knownPopulationClassSizesGiveTheJournalistsRiskExactly() {
        ReidentificationRisks risks = new RiskAnalysis(0.2).analyzeAgainstPopulation(List.of(2L, 3L), List.of(4L, 30L), 34);

        assertThat(risks.journalist().highest()).isCloseTo(0.25, within(1e-12));
        // (2/4 + 3/30) / 5 = 0.12; the 2 records of the class of 4 are above 0.2.
        assertThat(risks.marketer()).isCloseTo(0.12, within(1e-12));
        assertThat(risks.journalist().recordsAboveThreshold()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void kMapWithoutAPopulationTableDerivesKFromThePoissonCellSize() {
        // λ = 0.1 × 10 = 1; Poisson(1) reaches 0.99 at 4 (0.9963), so ARX's loop ends with k' = 6.
        assertThat(KMap.estimatedK(10, 0.01, 0.1, KMap.CellSizeEstimator.POISSON, 1000)).isEqualTo(6);
        // A sample that is the whole population needs k itself.
        assertThat(KMap.estimatedK(5, 0.01, 1.0, KMap.CellSizeEstimator.POISSON, 1000)).isEqualTo(5);
    }

    @Test
    void thresholdsCanBeStatedInAnyMeasureAndARiskAboveOneIsNamed() {
        ReidentificationRisks risks = new RiskAnalysis(0.2).analyze(List.of(2L, 4L, 4L), 40);

        assertThat(new RiskThresholds(Map.of("journalist_highest", 0.2, "marketer", 0.1)).exceeded(risks)).isEmpty();
        assertThat(new RiskThresholds(Map.of("prosecutor_highest", 0.2, "marketer", 0.05)).exceeded(risks))
                .hasSize(2).anySatisfy(text -> assertThat(text).startsWith("prosecutor_highest 0.500000"))
                .anySatisfy(text -> assertThat(text).startsWith("marketer 0.075000"));
    }
}
