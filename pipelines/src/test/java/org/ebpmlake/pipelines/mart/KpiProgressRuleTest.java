package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.reference.KpiDirection;
import org.ebpmlake.reference.KpiStatus;
import org.junit.jupiter.api.Test;

class KpiProgressRuleTest {
    private final KpiProgressRule rule = new KpiProgressRule();

    /** Online procedures: 700 in FY2022 to 2000 in FY2025, so the line expects 700 + 1300 * 2/3 in FY2024. */
    private final KpiDefinition onlineProcedures = kpi("K01-01-1", KpiDirection.INCREASE, 700.0, "現在", 2000.0, 2025);

    @Test
    void aValueOnTheLineIsOnTrackWithItsExpectedValueAndProgress() {
        KpiProgress progress = rule.evaluate(onlineProcedures, List.of(actual("K01-01-1", 2024, 1567)));

        assertThat(progress.expectedValue().getAsDouble()).isCloseTo(1566.67, within(0.01));
        assertThat(progress.progressRatio().getAsDouble()).isCloseTo(867.0 / 1300, within(1e-9));
        assertThat(progress.status()).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void aValueWithinATenthOfTheDistanceBelowTheLineIsAtRiskAndFurtherIsOffTrack() {
        // tolerance is 0.1 * 1300 = 130 below the expected 1566.67
        assertThat(rule.evaluate(onlineProcedures, List.of(actual("K01-01-1", 2024, 1440))).status()).isEqualTo(KpiStatus.AT_RISK);
        assertThat(rule.evaluate(onlineProcedures, List.of(actual("K01-01-1", 2024, 1430))).status()).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void theLatestFiscalYearDecides() {
        KpiProgress progress = rule.evaluate(onlineProcedures, List.of(
                actual("K01-01-1", 2025, 2100), actual("K01-01-1", 2023, 800), actual("K01-04-1", 2026, 1)));

        assertThat(progress.latest()).map(KpiActual::fiscalYear).contains(2025);
        assertThat(progress.status()).isEqualTo(KpiStatus.ACHIEVED);
    }

    @Test
    void anAtMostTargetIsJudgedDownward() {
        // Water enquiries: 46% in FY2021, at most 30% by FY2027: expected in FY2024 is 46 - 16 * 3/6 = 38.
        KpiDefinition enquiries = kpi("K01-07-1", KpiDirection.AT_MOST, 46.0, "2021年度実績", 30.0, 2027);

        assertThat(rule.evaluate(enquiries, List.of(actual("K01-07-1", 2024, 37.5))).status()).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.evaluate(enquiries, List.of(actual("K01-07-1", 2024, 39.5))).status()).isEqualTo(KpiStatus.AT_RISK);
        assertThat(rule.evaluate(enquiries, List.of(actual("K01-07-1", 2024, 41))).status()).isEqualTo(KpiStatus.OFF_TRACK);
        assertThat(rule.evaluate(enquiries, List.of(actual("K01-07-1", 2025, 30))).status()).isEqualTo(KpiStatus.ACHIEVED);
        assertThat(rule.evaluate(enquiries, List.of(actual("K01-07-1", 2024, 37.5))).progressRatio().getAsDouble())
                .isCloseTo(8.5 / 16, within(1e-9));
    }

    @Test
    void aDecreaseMissedAtTheTargetYearIsOffTrack() {
        KpiDefinition incidents = kpi("K02-01-1", KpiDirection.DECREASE, 10.0, "2022年度", 4.0, 2025);

        assertThat(rule.evaluate(incidents, List.of(actual("K02-01-1", 2025, 5))).status()).isEqualTo(KpiStatus.OFF_TRACK);
        assertThat(rule.evaluate(incidents, List.of(actual("K02-01-1", 2023, 8))).status()).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void milestonesAreAchievedWhenReportedReachedAndOffTrackWhenLate() {
        KpiDefinition launch = kpi("K01-03-1", KpiDirection.MILESTONE, null, "", null, 2025);

        assertThat(rule.evaluate(launch, List.of(actual("K01-03-1", 2024, 0))).status()).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(rule.evaluate(launch, List.of(actual("K01-03-1", 2025, 0))).status()).isEqualTo(KpiStatus.OFF_TRACK);
        assertThat(rule.evaluate(launch, List.of(actual("K01-03-1", 2025, 1))).status()).isEqualTo(KpiStatus.ACHIEVED);
    }

    @Test
    void forecastsTheTargetYearFromTheTrendOfTheActuals() {
        KpiProgress progress = rule.evaluate(onlineProcedures, List.of(
                actual("K01-01-1", 2023, 1000), actual("K01-01-1", 2024, 1300), actual("K01-04-1", 2024, 3)));

        assertThat(progress.forecastValue().getAsDouble()).isCloseTo(1600, within(1e-9));
        assertThat(rule.evaluate(onlineProcedures, List.of(
                actual("K01-01-1", 2022, 700), actual("K01-01-1", 2023, 1000), actual("K01-01-1", 2024, 1200)))
                .forecastValue().getAsDouble())
                // slope = sum((x - 2023)(y - 966.67)) / 2 = (266.67 + 233.33) / 2 = 250; 966.67 + 250 * 2
                .isCloseTo(1466.67, within(0.01));
        assertThat(rule.evaluate(onlineProcedures, List.of(actual("K01-01-1", 2024, 1300))).forecastValue()).isEmpty();
    }

    @Test
    void aKpiWithoutActualsHasNoData() {
        KpiProgress progress = rule.evaluate(onlineProcedures, List.of(actual("K01-04-1", 2024, 12)));

        assertThat(progress.status()).isEqualTo(KpiStatus.NO_DATA);
        assertThat(progress.latest()).isEmpty();
    }

    private static KpiActual actual(String kpiId, int fiscalYear, double value) {
        return new KpiActual(kpiId, fiscalYear, value, "reported");
    }

    private static KpiDefinition kpi(String id, KpiDirection direction, Double baseline, String baselinePeriod, Double target,
            int targetYear) {
        return new KpiDefinition(id, id.substring(1, 3), "VALUE", 1, "施策", "指標", "indicator", "",
                baseline == null ? OptionalDouble.empty() : OptionalDouble.of(baseline), "", baselinePeriod,
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target), "", OptionalInt.of(targetYear),
                direction, direction == KpiDirection.MILESTONE ? "milestone" : "numeric", "", OptionalInt.empty());
    }
}
