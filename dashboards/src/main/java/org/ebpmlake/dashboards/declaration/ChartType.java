package org.ebpmlake.dashboards.declaration;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * The kinds of chart a dashboard declares. Each has a counterpart in every renderer: the static site draws it with
 * Apache ECharts, and a Superset renderer maps it to a visualization type (suggested in {@link #supersetVizType()}).
 */
public enum ChartType {
    /** Lines over the first dimension, one per series value (or per measure). */
    LINE("echarts_timeseries_line"),
    /** Bars over the first dimension, one per series value (or per measure). */
    BAR("echarts_timeseries_bar"),
    /** Bars over the first dimension with the measures (or series values) stacked, e.g. shares that add up to 100 %. */
    STACKED_BAR("echarts_timeseries_bar"),
    /**
     * Counts per JIS X 0410 half mesh (the first dimension, a 9-digit code) drawn as a grid on longitude and latitude,
     * with the reference data's streets and stations for orientation; in Superset, a heat map of mesh by hour.
     */
    MESH_HEATMAP("heatmap_v2"),
    /** The rows as a table only. */
    TABLE("table"),
    /** KPIs by VALUE area with status, progress bar, sparkline, latest vs target, reporting duty; filterable, sortable. */
    KPI_TABLE("table"),
    /** One KPI's actuals with the baseline-to-target line, the target and the forecast. */
    KPI_TREND("echarts_timeseries_line");

    private final String supersetVizType;

    ChartType(String supersetVizType) {
        this.supersetVizType = supersetVizType;
    }

    /** The Superset {@code viz_type} this chart maps to. */
    public String supersetVizType() {
        return supersetVizType;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChartType fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
