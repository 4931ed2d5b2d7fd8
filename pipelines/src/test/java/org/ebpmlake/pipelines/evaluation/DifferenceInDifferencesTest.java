package org.ebpmlake.pipelines.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ebpmlake.lake.LakeException;
import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {
    private static final DifferenceInDifferences DID = new DifferenceInDifferences(0.95);

    /**
     * Units with their own levels, periods with a common shock, noise correlated within a unit (so treating a unit's
     * observations as independent would give intervals too narrow), treated units gaining {@code effect} from {@code firstTreated} on and drifting by
     * {@code preTrend} per period throughout.
     */
    private static Panel simulated(long seed, int units, int treatedUnits, int periods, int firstTreated, double effect, double preTrend) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] shock = new double[periods];
        for (int period = 0; period < periods; period++) {
            shock[period] = random.nextGaussian() * 3;
        }
        List<PanelObservation> observations = new ArrayList<>();
        Set<String> treated = new HashSet<>();
        for (int unit = 0; unit < units; unit++) {
            String name = "u" + unit;
            boolean isTreated = unit < treatedUnits;
            if (isTreated) {
                treated.add(name);
            }
            double level = 50 + random.nextGaussian() * 10;
            // A unit's own change at the intervention, shared by all its later periods: errors correlated within the unit.
            double unitShift = random.nextGaussian();
            for (int period = 0; period < periods; period++) {
                double value = level + shock[period] + (period >= firstTreated ? unitShift : 0) + random.nextGaussian()
                        + (isTreated ? preTrend * period + (period >= firstTreated ? effect : 0) : 0);
                observations.add(new PanelObservation(name, period, value));
            }
        }
        List<LocalDate> starts = new ArrayList<>();
        for (int period = 0; period < periods; period++) {
            starts.add(LocalDate.of(2025, 1, 6).plusWeeks(period));
        }
        return new Panel(starts, starts.stream().map(LocalDate::toString).toList(), firstTreated, treated, observations);
    }

    @Test
    void recoversAPlantedEffectWithAnIntervalThatExcludesZeroAndPassesThePretrendTest() {
        DidResult result = DID.estimate(simulated(7, 30, 10, 6, 3, 2.0, 0));

        assertThat(result.effect().contains(2.0)).as("interval %s holds the planted 2.0", result.effect()).isTrue();
        assertThat(result.effect().low()).isPositive();
        assertThat(result.treatedUnits()).isEqualTo(10);
        assertThat(result.comparisonUnits()).isEqualTo(20);
        assertThat(result.observations()).isEqualTo(180);
        assertThat(result.pretrendP()).isPresent();
        assertThat(result.pretrendP().getAsDouble()).isGreaterThan(0.05);
        PeriodEffect reference = result.periods().get(2);
        assertThat(reference.isReference()).isTrue();
        assertThat(reference.relativePeriod()).isEqualTo(-1);
        assertThat(result.periods().get(4).effect().orElseThrow().contains(2.0)).isTrue();
        assertThat(result.periods().get(0).effect().orElseThrow().contains(0.0)).isTrue();
    }

    /** The 95 % interval holds the truth in about 95 % of simulated panels: the clustered errors are neither too small nor too large. */
    @Test
    void theIntervalCoversTheTruthAtItsNominalRate() {
        int covered = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            if (DID.estimate(simulated(1000 + seed, 30, 10, 6, 3, 1.5, 0)).effect().contains(1.5)) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.91, 0.985);
    }

    @Test
    void onTwoPeriodsTheEstimateIsTheDifferenceOfTheGroupsChanges() {
        Panel panel = simulated(11, 12, 5, 2, 1, 4.0, 0);
        DidResult result = DID.estimate(panel);

        double treatedChange = result.periods().get(1).treatedMean() - result.periods().get(0).treatedMean();
        double comparisonChange = result.periods().get(1).comparisonMean() - result.periods().get(0).comparisonMean();
        assertThat(result.effect().estimate()).isCloseTo(treatedChange - comparisonChange, within(1e-9));
        assertThat(result.pretrendP()).as("one period before: nothing to test").isEmpty();
    }

    @Test
    void theEventStudyFlagsTreatedUnitsThatWereAlreadyDriftingAway() {
        DidResult result = DID.estimate(simulated(5, 40, 15, 6, 3, 0, 1.0));

        assertThat(result.pretrendP().getAsDouble()).isLessThan(0.01);
    }

    @Test
    void aPlaceboInterventionBeforeTheRealOneFindsNothing() {
        Panel full = simulated(21, 30, 10, 8, 5, 3.0, 0);
        // Only the five periods before the real intervention, "treated" from the third on.
        List<PanelObservation> before = full.observations().stream().filter(observation -> observation.period() < 5).toList();
        Panel placebo = new Panel(full.periodStarts().subList(0, 5), full.periodLabels().subList(0, 5), 2, full.treatedUnits(), before);

        assertThat(DID.estimate(placebo).effect().contains(0.0)).isTrue();
        assertThat(DID.estimate(full).effect().contains(0.0)).isFalse();
    }

    @Test
    void refusesAPanelThatCannotIdentifyTheEffect() {
        Panel oneTreated = simulated(3, 10, 1, 4, 2, 1, 0);
        assertThatThrownBy(() -> DID.estimate(oneTreated)).isInstanceOf(LakeException.class)
                .hasMessageContaining("at least two treated and two comparison units");
        Panel nothingAfter = simulated(3, 10, 4, 4, 4, 1, 0);
        assertThatThrownBy(() -> DID.estimate(nothingAfter)).isInstanceOf(LakeException.class)
                .hasMessageContaining("intervention must fall after the first period");
        Panel full = simulated(3, 10, 4, 4, 2, 1, 0);
        // The comparison units vanish after the intervention: period and treatment cannot be told apart.
        List<PanelObservation> treatedOnlyAfter = full.observations().stream()
                .filter(observation -> observation.period() < 2 || full.isTreated(observation.unit())).toList();
        Panel unidentified = new Panel(full.periodStarts(), full.periodLabels(), 2, full.treatedUnits(), treatedOnlyAfter);
        assertThatThrownBy(() -> DID.estimate(unidentified)).isInstanceOf(LakeException.class)
                .hasMessageContaining("do not identify the effect");
    }
}
