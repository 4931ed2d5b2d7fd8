package org.ebpmlake.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
    @Test
    void theCityHasTwentyFourWardsOfAboutTwoPointSevenFiveMillionPeople() {
        CityWards wards = CityWards.load();

        assertThat(wards.all()).hasSize(24);
        assertThat(wards.all()).extracting(Ward::code).doesNotHaveDuplicates();
        assertThat(wards.totalPopulation()).isBetween(2_700_000L, 2_800_000L);
        assertThat(wards.byCode("27128")).map(Ward::nameJa).contains("中央区");
    }

    @Test
    void drawingAPopulationShareFindsTheWardHoldingThatResident() {
        CityWards wards = CityWards.load();
        Ward first = wards.all().get(0);
        Ward last = wards.all().get(wards.all().size() - 1);

        assertThat(wards.atPopulationShare(0)).isEqualTo(first);
        assertThat(wards.atPopulationShare((first.population() - 0.5) / wards.totalPopulation())).isEqualTo(first);
        assertThat(wards.atPopulationShare((first.population() + 0.5) / wards.totalPopulation())).isEqualTo(wards.all().get(1));
        assertThat(wards.atPopulationShare(0.999_999_9)).isEqualTo(last);
    }

    @Test
    void theKpiCatalogueCoversEveryValueAreaWithUniqueIds() {
        List<KpiDefinition> kpis = KpiCatalogFile.load();

        assertThat(kpis).extracting(KpiDefinition::kpiId).doesNotHaveDuplicates();
        Map<String, Long> perArea = kpis.stream().collect(Collectors.groupingBy(KpiDefinition::valueArea, Collectors.counting()));
        // Area 03's two measures have no KPI block in the plan (schemas/src/main/resources/kpi/README.md).
        assertThat(perArea.keySet()).isEqualTo(Set.of("00", "01", "02", "04", "05", "06"));
        assertThat(kpis).filteredOn(kpi -> kpi.direction() == KpiDirection.MILESTONE)
                .allSatisfy(kpi -> assertThat(kpi.kind()).isEqualTo("milestone"));
    }

    @Test
    void baselinePeriodsNameTheirFiscalYear() {
        assertThat(BaselinePeriod.fiscalYearOf("2021年度末")).contains(2021);
        assertThat(BaselinePeriod.fiscalYearOf("2022年度見込")).contains(2022);
        assertThat(BaselinePeriod.fiscalYearOf("現在（2023年1月末）")).contains(2022);
        assertThat(BaselinePeriod.fiscalYearOf("2023年4月")).contains(2023);
        assertThat(BaselinePeriod.fiscalYearOf("現在")).contains(BaselinePeriod.PLAN_DRAFTED_FISCAL_YEAR);
        assertThat(BaselinePeriod.fiscalYearOf("")).isEmpty();
    }
}
