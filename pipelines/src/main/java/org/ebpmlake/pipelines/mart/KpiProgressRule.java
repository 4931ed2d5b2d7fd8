package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.reference.KpiStatus;
import org.ebpmlake.reference.KpiDirection;

/**
 * Judges a KPI from its latest actual. The trajectory is the straight line from the baseline (value and
 * fiscal year) to the target; a value on or beyond the line for its year is on track, one short of it by
 * at most {@value #AT_RISK_TOLERANCE} of the whole baseline-to-target distance is at risk, anything further
 * off track. Reaching the target is achieved. Past the target year without reaching it is off track.
 * Without a baseline there is no line: such a KPI is on track until its target year.
 *
 * <p>The forecast is the least-squares line through the KPI's actuals (one value per fiscal year, the
 * latest source winning), read at the target year; it needs actuals in two fiscal years or more.
 *
 * <p>A milestone is a state to reach, reported as 1 once reached (achieved) and 0 before. A milestone
 * whose baseline is a measured value (the My Number card rate) is tracked by direction: on track while
 * above its baseline, at risk otherwise.
 */
public final class KpiProgressRule {
    static final double AT_RISK_TOLERANCE = 0.1;

    public KpiProgress evaluate(KpiDefinition kpi, List<KpiActual> actuals) {
        requireNonNull(kpi, "kpi is null");
        requireNonNull(actuals, "actuals is null");
        List<KpiActual> own = actuals.stream().filter(actual -> actual.kpiId().equals(kpi.kpiId())).toList();
        Optional<KpiActual> latest = own.stream()
                .max(Comparator.comparingInt(KpiActual::fiscalYear).thenComparing(KpiActual::source));
        if (latest.isEmpty()) {
            return new KpiProgress(kpi.kpiId(), latest, OptionalDouble.empty(), OptionalDouble.empty(), KpiStatus.NO_DATA,
                    OptionalDouble.empty());
        }
        KpiActual actual = latest.get();
        if (kpi.direction() == KpiDirection.MILESTONE) {
            return milestone(kpi, actual);
        }
        OptionalDouble expected = expected(kpi, actual.fiscalYear());
        OptionalDouble progress = progress(kpi, actual.value());
        return new KpiProgress(kpi.kpiId(), latest, expected, progress, numericStatus(kpi, actual, expected),
                forecast(kpi, own));
    }

    /** Least squares over one value per fiscal year (the same ordering as "latest" picks within a year). */
    static OptionalDouble forecast(KpiDefinition kpi, List<KpiActual> own) {
        if (kpi.targetFiscalYear().isEmpty()) {
            return OptionalDouble.empty();
        }
        java.util.Map<Integer, KpiActual> perYear = new java.util.TreeMap<>();
        for (KpiActual actual : own) {
            perYear.merge(actual.fiscalYear(), actual, (left, right) -> left.source().compareTo(right.source()) >= 0 ? left : right);
        }
        if (perYear.size() < 2) {
            return OptionalDouble.empty();
        }
        double meanYear = perYear.keySet().stream().mapToDouble(Integer::doubleValue).average().orElseThrow();
        double meanValue = perYear.values().stream().mapToDouble(KpiActual::value).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (KpiActual actual : perYear.values()) {
            covariance += (actual.fiscalYear() - meanYear) * (actual.value() - meanValue);
            variance += (actual.fiscalYear() - meanYear) * (actual.fiscalYear() - meanYear);
        }
        double slope = covariance / variance;
        return OptionalDouble.of(meanValue + slope * (kpi.targetFiscalYear().getAsInt() - meanYear));
    }

    private static KpiProgress milestone(KpiDefinition kpi, KpiActual actual) {
        KpiStatus status;
        if (kpi.baselineValue().isPresent()) {
            status = actual.value() > kpi.baselineValue().getAsDouble() ? KpiStatus.ON_TRACK : KpiStatus.AT_RISK;
        } else if (actual.value() >= 1) {
            status = KpiStatus.ACHIEVED;
        } else if (pastTarget(kpi, actual.fiscalYear())) {
            status = KpiStatus.OFF_TRACK;
        } else {
            status = KpiStatus.ON_TRACK;
        }
        return new KpiProgress(kpi.kpiId(), Optional.of(actual), OptionalDouble.empty(), OptionalDouble.empty(), status,
                OptionalDouble.empty());
    }

    private static KpiStatus numericStatus(KpiDefinition kpi, KpiActual actual, OptionalDouble expected) {
        if (kpi.targetValue().isPresent() && reached(kpi.direction(), actual.value(), kpi.targetValue().getAsDouble())) {
            return KpiStatus.ACHIEVED;
        }
        if (pastTarget(kpi, actual.fiscalYear())) {
            return KpiStatus.OFF_TRACK;
        }
        if (expected.isEmpty() || kpi.baselineValue().isEmpty() || kpi.targetValue().isEmpty()) {
            return KpiStatus.ON_TRACK;
        }
        double sign = upward(kpi.direction()) ? 1 : -1;
        double gap = sign * (actual.value() - expected.getAsDouble());
        double tolerance = AT_RISK_TOLERANCE * Math.abs(kpi.targetValue().getAsDouble() - kpi.baselineValue().getAsDouble());
        if (gap >= 0) {
            return KpiStatus.ON_TRACK;
        }
        if (gap >= -tolerance) {
            return KpiStatus.AT_RISK;
        }
        return KpiStatus.OFF_TRACK;
    }

    /** The trajectory's value for a fiscal year, clamped to the baseline and target years. */
    static OptionalDouble expected(KpiDefinition kpi, int fiscalYear) {
        Optional<Integer> baselineYear = kpi.baselineFiscalYear();
        OptionalInt targetYear = kpi.targetFiscalYear();
        if (kpi.baselineValue().isEmpty() || kpi.targetValue().isEmpty() || baselineYear.isEmpty() || targetYear.isEmpty()
                || targetYear.getAsInt() <= baselineYear.get()) {
            return OptionalDouble.empty();
        }
        double share = (double) (fiscalYear - baselineYear.get()) / (targetYear.getAsInt() - baselineYear.get());
        share = Math.max(0, Math.min(1, share));
        double baseline = kpi.baselineValue().getAsDouble();
        return OptionalDouble.of(baseline + (kpi.targetValue().getAsDouble() - baseline) * share);
    }

    private static OptionalDouble progress(KpiDefinition kpi, double value) {
        if (kpi.baselineValue().isEmpty() || kpi.targetValue().isEmpty()) {
            return OptionalDouble.empty();
        }
        double distance = kpi.targetValue().getAsDouble() - kpi.baselineValue().getAsDouble();
        if (distance == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value - kpi.baselineValue().getAsDouble()) / distance);
    }

    private static boolean pastTarget(KpiDefinition kpi, int fiscalYear) {
        return kpi.targetFiscalYear().isPresent() && fiscalYear >= kpi.targetFiscalYear().getAsInt();
    }

    private static boolean reached(KpiDirection direction, double value, double target) {
        return upward(direction) ? value >= target : value <= target;
    }

    private static boolean upward(KpiDirection direction) {
        return switch (direction) {
            case INCREASE, AT_LEAST, MILESTONE -> true;
            case DECREASE, AT_MOST -> false;
        };
    }
}
