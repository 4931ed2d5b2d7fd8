package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One KPI (評価指標) of the action plan as reviewed in {@code kpi/action-plan-kpis.csv}. A value the plan
 * does not give is empty, never invented.
 */
public record KpiDefinition(
        String kpiId,
        String valueArea,
        String valueAreaTitleJa,
        int measureNo,
        String measureTitleJa,
        String kpiTextJa,
        String kpiTextEn,
        String unit,
        OptionalDouble baselineValue,
        String baselineText,
        String baselinePeriod,
        OptionalDouble targetValue,
        String targetText,
        OptionalInt targetFiscalYear,
        KpiDirection direction,
        String kind,
        String kgiTextJa,
        OptionalInt sourceLine) {

    public KpiDefinition {
        requireNonNull(kpiId, "kpiId is null");
        if (!kpiId.matches("K0[0-6]-\\d\\d-\\d+")) {
            throw new IllegalArgumentException("not a KPI id: " + kpiId);
        }
        requireNonNull(valueArea, "valueArea is null");
        requireNonNull(valueAreaTitleJa, "valueAreaTitleJa is null");
        requireNonNull(measureTitleJa, "measureTitleJa is null");
        requireNonNull(kpiTextJa, "kpiTextJa is null");
        requireNonNull(kpiTextEn, "kpiTextEn is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(baselineValue, "baselineValue is null");
        requireNonNull(baselineText, "baselineText is null");
        requireNonNull(baselinePeriod, "baselinePeriod is null");
        requireNonNull(targetValue, "targetValue is null");
        requireNonNull(targetText, "targetText is null");
        requireNonNull(targetFiscalYear, "targetFiscalYear is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(kgiTextJa, "kgiTextJa is null");
        requireNonNull(sourceLine, "sourceLine is null");
    }

    /** The fiscal year the baseline describes, where its period says so (see {@link BaselinePeriod}). */
    public Optional<Integer> baselineFiscalYear() {
        return BaselinePeriod.fiscalYearOf(baselinePeriod);
    }
}
