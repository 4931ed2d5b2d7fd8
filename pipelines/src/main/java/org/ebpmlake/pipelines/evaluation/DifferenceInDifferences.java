package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The two-way fixed-effects difference-in-differences: {@code y = α_unit + γ_period + β·D + ε}, with D = 1 for a treated
 * unit from the first treated period on, so β is the treated units' change beyond the comparison units' change. Its
 * interval uses standard errors clustered by unit (CR1) and Student's t with G−1 degrees of freedom for G units.
 *
 * <p>The event study replaces D by one indicator per period except the reference (the last before the intervention):
 * each coefficient is the treated-minus-comparison difference in that period against the reference. The periods before
 * the reference test the assumption DiD rests on, parallel trends: jointly zero by a cluster-robust Wald test (F with
 * q and G−1 degrees of freedom). The dummy-variable design is fine for the hundreds of units a mart aggregates to.
 */
public final class DifferenceInDifferences {
    private final double confidence;

    public DifferenceInDifferences(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        this.confidence = confidence;
    }

    public DidResult estimate(Panel panel) {
        requireNonNull(panel, "panel is null");
        List<String> units = panel.units();
        int treated = (int) units.stream().filter(panel::isTreated).count();
        int comparison = units.size() - treated;
        int first = panel.firstTreatedPeriod();
        if (first < 1 || first >= panel.periods()) {
            throw notPossible("the intervention must fall after the first period and no later than the last; periods "
                    + panel.periodLabels() + ", first treated period " + (first < panel.periods() && first >= 0 ? panel.periodLabels().get(first) : "none"));
        }
        if (treated < 2 || comparison < 2) {
            throw notPossible("needs at least two treated and two comparison units with data, found " + treated + " treated and "
                    + comparison + " comparison units");
        }
        Map<String, Integer> unitIndex = new HashMap<>();
        units.forEach(unit -> unitIndex.put(unit, unitIndex.size()));
        List<PanelObservation> observations = panel.observations();
        double[] y = observations.stream().mapToDouble(PanelObservation::value).toArray();
        List<String> clusters = observations.stream().map(PanelObservation::unit).toList();
        int reference = first - 1;
        int[] eventPeriods = IntStream.range(0, panel.periods()).filter(period -> period != reference).toArray();
        double[][] didDesign = new double[y.length][];
        double[][] eventDesign = new double[y.length][];
        for (int row = 0; row < y.length; row++) {
            PanelObservation observation = observations.get(row);
            boolean treatedUnit = panel.isTreated(observation.unit());
            double[] fixedEffects = fixedEffects(unitIndex.get(observation.unit()), units.size(), observation.period(), panel.periods());
            didDesign[row] = append(fixedEffects, new double[] {treatedUnit && observation.period() >= first ? 1 : 0});
            double[] events = new double[eventPeriods.length];
            for (int index = 0; index < eventPeriods.length; index++) {
                events[index] = treatedUnit && observation.period() == eventPeriods[index] ? 1 : 0;
            }
            eventDesign[row] = append(fixedEffects, events);
        }
        int fixedColumns = didDesign[0].length - 1;
        ClusterRobustRegression.Fit did = fit(y, didDesign, clusters);
        ClusterRobustRegression.Fit event = fit(y, eventDesign, clusters);
        double t = new TDistribution(did.clusters() - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        Effect effect = effect(did, fixedColumns, t);
        List<PeriodEffect> periods = new ArrayList<>();
        for (int period = 0; period < panel.periods(); period++) {
            Optional<Effect> periodEffect = Optional.empty();
            for (int index = 0; index < eventPeriods.length; index++) {
                if (eventPeriods[index] == period) {
                    periodEffect = Optional.of(effect(event, fixedColumns + index, t));
                }
            }
            periods.add(new PeriodEffect(period, period - first, periodEffect, mean(panel, period, true), mean(panel, period, false)));
        }
        return new DidResult(effect, periods, pretrendP(event, fixedColumns, reference), treated, comparison, y.length, confidence);
    }

    /** A constant, one indicator per unit but the first, one per period but the first. */
    private static double[] fixedEffects(int unit, int units, int period, int periods) {
        double[] row = new double[1 + (units - 1) + (periods - 1)];
        row[0] = 1;
        if (unit > 0) {
            row[unit] = 1;
        }
        if (period > 0) {
            row[units - 1 + period] = 1;
        }
        return row;
    }

    private static double[] append(double[] head, double[] tail) {
        double[] row = new double[head.length + tail.length];
        System.arraycopy(head, 0, row, 0, head.length);
        System.arraycopy(tail, 0, row, head.length, tail.length);
        return row;
    }

    private static ClusterRobustRegression.Fit fit(double[] y, double[][] design, List<String> clusters) {
        try {
            return ClusterRobustRegression.fit(y, design, clusters);
        } catch (SingularMatrixException e) {
            throw notPossible("the periods and groups do not identify the effect (a period with no comparison unit, or a unit "
                    + "treated in every period); check the declared units and periods");
        } catch (IllegalArgumentException e) {
            throw notPossible(e.getMessage());
        }
    }

    private static Effect effect(ClusterRobustRegression.Fit fit, int index, double t) {
        double estimate = fit.coefficient(index);
        double error = fit.standardError(index);
        return new Effect(estimate, error, estimate - t * error, estimate + t * error);
    }

    /** The joint test of the periods before the reference; none with a single period before the intervention. */
    private static OptionalDouble pretrendP(ClusterRobustRegression.Fit event, int fixedColumns, int reference) {
        if (reference < 1) {
            return OptionalDouble.empty();
        }
        // The event columns of periods 0 .. reference-1 come first, in period order.
        int[] before = IntStream.range(0, reference).map(index -> fixedColumns + index).toArray();
        try {
            double f = ClusterRobustRegression.waldStatistic(event, before) / before.length;
            return OptionalDouble.of(1 - new FDistribution(before.length, event.clusters() - 1).cumulativeProbability(f));
        } catch (SingularMatrixException e) {
            return OptionalDouble.empty();
        }
    }

    private static double mean(Panel panel, int period, boolean treated) {
        return panel.observations().stream()
                .filter(observation -> observation.period() == period && panel.isTreated(observation.unit()) == treated)
                .mapToDouble(PanelObservation::value).average().orElse(Double.NaN);
    }

    private static NotEstimableException notPossible(String reason) {
        return new NotEstimableException(reason);
    }
}
