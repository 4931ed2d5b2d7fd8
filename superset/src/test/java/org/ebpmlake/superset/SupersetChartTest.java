package org.ebpmlake.superset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.ChartType;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.dashboards.declaration.FieldDeclaration;
import org.junit.jupiter.api.Test;

/** How each declared chart becomes a Superset dataset and chart, checked on every declaration of the repository. */
class SupersetChartTest {
    private static final long DATASET = 42;

    @Test
    void everyChartQueriesOnlyColumnsItsDatasetSelects() {
        for (SupersetChart chart : charts()) {
            List<String> columns = chart.columns();
            JsonNode query = chart.queryContext(DATASET).path("queries").get(0);

            query.path("columns").forEach(column -> assertThat(columns).as(chart.key()).contains(column.asText()));
            query.path("filters").forEach(filter -> assertThat(columns).as(chart.key()).contains(filter.path("col").asText()));
            query.path("metrics").forEach(metric -> assertThat(columns).as(chart.key())
                    .contains(metric.path("column").path("column_name").asText()));
            query.path("orderby").forEach(order -> assertThat(columns).as(chart.key()).contains(order.get(0).asText()));
            for (String column : columns) {
                assertThat(chart.sql()).as(chart.key()).containsPattern("(SELECT |, )([^,]* AS )?" + column + "(,| FROM)");
            }
        }
    }

    @Test
    void everyFilterOfAChartIsAConditionOrAGroupSoNoTwoPublishedCellsAreMerged() {
        for (SupersetChart chart : charts()) {
            ChartDeclaration declaration = chart.declaration();
            if (declaration.type() == ChartType.TABLE || declaration.type() == ChartType.KPI_TABLE) {
                assertThat(chart.formData(DATASET).path("query_mode").asText()).isEqualTo("raw");
                continue;
            }
            if (declaration.type() == ChartType.MESH_HEATMAP) {
                assertThat(chart.queryContext(DATASET).path("queries").get(0).path("metrics").get(0).path("aggregate").asText())
                        .as("a heat map averages over the days it does not show apart").isEqualTo("AVG");
                continue;
            }
            JsonNode query = chart.queryContext(DATASET).path("queries").get(0);
            Set<String> grouped = new HashSet<>();
            query.path("columns").forEach(column -> grouped.add(column.asText()));
            query.path("filters").forEach(filter -> grouped.add(filter.path("col").asText()));
            for (FieldDeclaration filter : declaration.filters()) {
                assertThat(grouped).as("filter %s of %s is a condition or a group", filter.column(), chart.key()).contains(filter.column());
            }
            declaration.series().ifPresent(series -> assertThat(grouped).as(chart.key()).contains(series.column()));
        }
    }

    @Test
    void datasetNamesAndChartKeysAreUniqueAcrossAllDeclarationsAndTheFormDataNamesItsDeclaration() {
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (SupersetChart chart : charts()) {
            assertThat(names.add(chart.datasetName())).as(chart.datasetName()).isTrue();
            assertThat(keys.add(chart.key())).as(chart.key()).isTrue();
            ObjectNode form = chart.formData(DATASET);
            assertThat(form.path(SupersetChart.MARKER).asText()).isEqualTo(chart.key());
            assertThat(form.path("datasource").asText()).isEqualTo(DATASET + "__table");
            assertThat(chart.queryContext(DATASET).path("form_data")).isEqualTo(form);
        }
    }

    @Test
    void aLayoutPlacesEveryChartOnceTwoToARowAndATableAlone() {
        List<DashboardLayout.Placed> placed = List.of(new DashboardLayout.Placed(1, "一", ChartType.LINE),
                new DashboardLayout.Placed(2, "二", ChartType.BAR), new DashboardLayout.Placed(3, "三", ChartType.TABLE),
                new DashboardLayout.Placed(4, "四", ChartType.LINE));

        ObjectNode layout = DashboardLayout.of("題", placed);

        assertThat(layout.path("HEADER_ID").path("meta").path("text").asText()).isEqualTo("題");
        List<List<String>> rows = new ArrayList<>();
        layout.path("GRID_ID").path("children").forEach(row -> {
            List<String> charts = new ArrayList<>();
            layout.path(row.asText()).path("children").forEach(chart -> charts.add(chart.asText()));
            rows.add(charts);
        });
        assertThat(rows).containsExactly(List.of("CHART-1", "CHART-2"), List.of("CHART-3"), List.of("CHART-4"));
        assertThat(layout.path("CHART-3").path("meta").path("width").asInt()).isEqualTo(12);
        assertThat(layout.path("CHART-4").path("meta").path("chartId").asLong()).isEqualTo(4);
        assertThat(DashboardLayout.of("題", placed)).isEqualTo(layout);
    }

    private static List<SupersetChart> charts() {
        List<SupersetChart> charts = new ArrayList<>();
        for (DashboardDeclaration dashboard : DashboardCatalog.load().all()) {
            for (ChartDeclaration chart : dashboard.charts()) {
                charts.add(new SupersetChart(dashboard, chart, "lake"));
            }
        }
        return charts;
    }
}
