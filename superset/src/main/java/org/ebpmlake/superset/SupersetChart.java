package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ebpmlake.dashboards.ChartQuery;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.ChartType;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.dashboards.declaration.FieldDeclaration;
import org.ebpmlake.dashboards.declaration.MeasureDeclaration;

/**
 * One declared chart as Superset holds it: a virtual dataset whose SQL is the chart's own query (the same the static
 * site runs on Spark, run here by Trino as the audience's user), and a chart on it whose form data and saved query
 * context come from the declaration: the first dimension is the x axis, the series and every filter without an
 * initial value group the lines or bars (so a measure of one published cell is never merged with another's), a filter
 * with an initial value is a condition, measures are metrics with their Japanese labels. The mesh heat map spreads the
 * hours out and averages over the days. Tables show the query's rows
 * as they are. The saved query context asks for flat rows (no pivot), so {@code /api/v1/chart/{id}/data} answers the
 * chart's rows; the browser builds its own query from the form data.
 */
final class SupersetChart {
    /** The key in a chart's form data that says which declaration it renders (the lake owns charts that carry it). */
    static final String MARKER = "ebpm_lake_chart";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROW_LIMIT = 10000;

    private final DashboardDeclaration dashboard;
    private final ChartDeclaration chart;
    private final String catalog;

    SupersetChart(DashboardDeclaration dashboard, ChartDeclaration chart, String catalog) {
        this.dashboard = requireNonNull(dashboard, "dashboard is null");
        this.chart = requireNonNull(chart, "chart is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    DashboardDeclaration dashboard() {
        return dashboard;
    }

    ChartDeclaration declaration() {
        return chart;
    }

    /** {@code <dashboard id>/<chart id>}: unique among all declarations. */
    String key() {
        return dashboard.id() + "/" + chart.id();
    }

    /**
     * The dataset's name, unique across every schema and database because it names the declaration, not a table
     * (Superset's SQLite metadata refuses two datasets of one name even in different schemas).
     */
    String datasetName() {
        return (dashboard.id() + "__" + chart.id()).replace('-', '_');
    }

    String title() {
        return chart.title().ja();
    }

    String description() {
        return chart.title().en() + chart.note().map(note -> "\n" + note.ja() + "\n" + note.en()).orElse("");
    }

    /** The dataset's SQL: the chart's query with the lake's catalog, as Trino reads it. */
    String sql() {
        return ChartQuery.sql(chart, catalog);
    }

    /** The columns of the dataset, in the order the query selects them. */
    List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        for (FieldDeclaration field : chart.fields()) {
            columns.add(field.column());
            field.labelColumns().ifPresent(labels -> {
                columns.add(labels.ja());
                columns.add(labels.en());
            });
        }
        for (MeasureDeclaration measure : chart.measures()) {
            columns.add(measure.column());
            measure.suppressedFlag().ifPresent(columns::add);
        }
        return List.copyOf(columns);
    }

    ObjectNode formData(long datasetId) {
        return formData(datasetId, Set.of());
    }

    /** @param temporalColumns the dataset's columns Superset reads as dates or times (an axis of those stays a time axis) */
    ObjectNode formData(long datasetId, Set<String> temporalColumns) {
        ObjectNode form = JSON.createObjectNode();
        form.put("datasource", datasetId + "__table");
        form.put("viz_type", chart.type().supersetVizType());
        form.put(MARKER, key());
        ArrayNode filters = form.putArray("adhoc_filters");
        for (FieldDeclaration filter : conditions()) {
            filters.addObject().put("expressionType", "SIMPLE").put("subject", filter.column()).put("operator", "==")
                    .put("comparator", filter.initial().orElseThrow()).put("clause", "WHERE")
                    .put("filterOptionName", "filter_" + filter.column());
        }
        form.put("row_limit", ROW_LIMIT);
        switch (chart.type()) {
            case LINE, BAR, STACKED_BAR, KPI_TREND -> {
                form.put("x_axis", xAxis());
                ArrayNode groupby = form.putArray("groupby");
                groups().forEach(groupby::add);
                form.set("metrics", metrics());
                if (chart.type() == ChartType.STACKED_BAR) {
                    form.put("stack", "Stack");
                }
                form.put("x_axis_sort_asc", true);
                // Years and grades are categories, not a continuous axis with 2022.5 between two years; dates stay dates.
                if (!temporalColumns.contains(xAxis())) {
                    form.put("xAxisForceCategorical", true);
                }
                form.put("show_legend", true);
                form.put("rich_tooltip", true);
                form.put("truncate_metric", true);
            }
            case MESH_HEATMAP -> {
                form.put("x_axis", heatmapColumn());
                form.put("groupby", chart.dimensions().get(0).column());
                form.set("metric", heatmapMetric());
                form.put("linear_color_scheme", "schemeBlues");
                form.put("show_legend", true);
                form.put("sort_x_axis", "alpha_asc");
                form.put("sort_y_axis", "alpha_asc");
            }
            case TABLE, KPI_TABLE -> {
                form.put("query_mode", "raw");
                ArrayNode all = form.putArray("all_columns");
                columns().forEach(all::add);
                ArrayNode order = form.putArray("order_by_cols");
                ordering().forEach(column -> order.add(JSON.createArrayNode().add(column).add(true).toString()));
                form.put("server_pagination", false);
                form.put("include_search", true);
            }
        }
        return form;
    }

    /** The saved query context: what {@code /api/v1/chart/{id}/data} runs. */
    ObjectNode queryContext(long datasetId) {
        return queryContext(datasetId, Set.of());
    }

    ObjectNode queryContext(long datasetId, Set<String> temporalColumns) {
        ObjectNode context = JSON.createObjectNode();
        context.putObject("datasource").put("id", datasetId).put("type", "table");
        context.put("force", false);
        ObjectNode query = context.putArray("queries").addObject();
        ArrayNode columns = query.putArray("columns");
        ArrayNode orderby = query.putArray("orderby");
        switch (chart.type()) {
            case LINE, BAR, STACKED_BAR, KPI_TREND -> {
                columns.add(xAxis());
                groups().forEach(columns::add);
                query.set("metrics", metrics());
                orderby.add(JSON.createArrayNode().add(xAxis()).add(true));
                groups().forEach(group -> orderby.add(JSON.createArrayNode().add(group).add(true)));
            }
            case MESH_HEATMAP -> {
                columns.add(heatmapColumn()).add(chart.dimensions().get(0).column());
                query.set("metrics", JSON.createArrayNode().add(heatmapMetric()));
                orderby.add(JSON.createArrayNode().add(heatmapColumn()).add(true));
                orderby.add(JSON.createArrayNode().add(chart.dimensions().get(0).column()).add(true));
            }
            case TABLE, KPI_TABLE -> {
                columns().forEach(columns::add);
                query.putArray("metrics");
                ordering().forEach(column -> orderby.add(JSON.createArrayNode().add(column).add(true)));
            }
        }
        ArrayNode filters = query.putArray("filters");
        for (FieldDeclaration filter : conditions()) {
            filters.addObject().put("col", filter.column()).put("op", "==").put("val", filter.initial().orElseThrow());
        }
        query.putObject("extras").put("where", "").put("having", "");
        query.put("row_limit", ROW_LIMIT);
        context.set("form_data", formData(datasetId, temporalColumns));
        context.put("result_format", "json");
        context.put("result_type", "full");
        return context;
    }

    /** The x axis: the first dimension, shown by its Japanese label column where it has one. */
    String xAxis() {
        FieldDeclaration first = chart.dimensions().get(0);
        return first.labelColumns().map(labels -> labels.ja()).orElse(first.column());
    }

    /** Columns that split the measures into lines or bars: the series, and every filter a reader has not narrowed. */
    List<String> groups() {
        List<String> groups = new ArrayList<>();
        chart.series().ifPresent(series -> groups.add(series.column()));
        for (FieldDeclaration filter : chart.filters()) {
            boolean open = filter.initial().isEmpty() && !filter.all();
            if (open && !groups.contains(filter.column()) && !filter.column().equals(chart.dimensions().get(0).column())) {
                groups.add(filter.column());
            }
        }
        return List.copyOf(groups);
    }

    /** Filters with an initial value, as conditions (a filter that is an axis of the chart is not one). */
    List<FieldDeclaration> conditions() {
        List<FieldDeclaration> conditions = new ArrayList<>();
        for (FieldDeclaration filter : chart.filters()) {
            if (filter.initial().isPresent() && !(chart.type() == ChartType.MESH_HEATMAP && filter.column().equals(heatmapColumn()))) {
                conditions.add(filter);
            }
        }
        return conditions;
    }

    /** The heat map's x axis: the filter with an initial value (the hour), which the map spreads out instead. */
    private String heatmapColumn() {
        return chart.filters().stream().filter(filter -> filter.initial().isPresent()).map(FieldDeclaration::column).findFirst()
                .orElse(chart.filters().isEmpty() ? chart.dimensions().get(0).column() : chart.filters().get(0).column());
    }

    /**
     * The heat map's one measure, averaged over the days the map does not tell apart (each published cell of a day
     * stays a count above the threshold; their mean is no smaller group).
     */
    private ObjectNode heatmapMetric() {
        MeasureDeclaration measure = chart.measures().get(0);
        ObjectNode metric = (ObjectNode) metrics().get(0);
        metric.put("aggregate", "AVG");
        metric.put("label", measure.label().ja() + "（日平均）");
        return metric;
    }

    private List<String> ordering() {
        List<String> columns = columns();
        return chart.orderBy().stream().filter(columns::contains).toList();
    }

    private ArrayNode metrics() {
        ArrayNode metrics = JSON.createArrayNode();
        for (MeasureDeclaration measure : chart.measures()) {
            ObjectNode metric = metrics.addObject();
            metric.put("expressionType", "SIMPLE");
            metric.putObject("column").put("column_name", measure.column());
            metric.put("aggregate", aggregate(measure));
            metric.put("label", measure.label().ja());
            metric.put("hasCustomLabel", true);
            metric.put("optionName", "metric_" + measure.column());
        }
        return metrics;
    }

    /** The dataset already aggregates as declared; over its rows a cell is taken as it is (MAX of one), sums add up. */
    private static String aggregate(MeasureDeclaration measure) {
        return switch (measure.aggregation()) {
            case NONE, MAX, AVG -> "MAX";
            case SUM -> "SUM";
        };
    }
}
