package org.ebpmlake.dashboards.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.junit.jupiter.api.Test;

/** Every declared dashboard reads declared mart tables and columns, so no renderer meets a chart it cannot draw. */
class DashboardDeclarationsTest {
    @Test
    void everyDashboardLoadsWithItsPageAndCharts() {
        List<DashboardDeclaration> dashboards = DashboardCatalog.load().all();

        assertThat(dashboards).extracting(DashboardDeclaration::id)
                .containsExactly("kpi-overview", "education-scores", "education-wellbeing", "footfall-midosuji");
        assertThat(dashboards).extracting(DashboardDeclaration::page).doesNotHaveDuplicates();
        assertThat(dashboards).allSatisfy(dashboard -> assertThat(dashboard.charts()).isNotEmpty());
    }

    @Test
    void everyChartReadsDeclaredMartTablesAndEveryMeasureAndFlagIsAColumnOfItsSource() {
        DatasetCatalog datasets = DatasetCatalog.load();
        for (DashboardDeclaration dashboard : DashboardCatalog.load().all()) {
            for (ChartDeclaration chart : dashboard.charts()) {
                for (String table : chart.martTables()) {
                    assertThat(datasets.tables()).as("%s reads %s", chart.id(), table)
                            .anySatisfy(declared -> assertThat(declared.name()).isEqualTo(new TableName(Zone.MART, table.substring(5))));
                }
                if (chart.source().isPresent()) {
                    Set<String> columns = datasets.tables().stream()
                            .filter(declared -> declared.name().toString().equals(chart.source().get()))
                            .flatMap(declared -> declared.dataset().columns().stream()).map(ColumnDeclaration::name).collect(Collectors.toSet());
                    for (MeasureDeclaration measure : chart.measures()) {
                        assertThat(columns).as("%s measure", chart.id()).contains(measure.column());
                        measure.suppressedFlag().ifPresent(flag -> assertThat(columns).as("%s flag", chart.id()).contains(flag));
                    }
                    for (FieldDeclaration field : chart.fields()) {
                        if (field.expression().isEmpty()) {
                            assertThat(columns).as("%s field", chart.id()).contains(field.column());
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyEducationMeasureNamesTheFlagThatHidesIt() {
        for (DashboardDeclaration dashboard : DashboardCatalog.load().all()) {
            for (ChartDeclaration chart : dashboard.charts()) {
                if (chart.martTables().stream().anyMatch(table -> table.startsWith("mart.education_"))) {
                    assertThat(chart.measures()).as(chart.id()).allSatisfy(measure -> assertThat(measure.suppressedFlag()).isPresent());
                }
            }
        }
    }
}
