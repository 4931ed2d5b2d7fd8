package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.FieldDeclaration;
import org.ebpmlake.dashboards.declaration.MeasureDeclaration;
import org.ebpmlake.schemas.LocalizedText;

/**
 * One declared chart on a page: its heading and note, its filters, the chart (drawn by the site's script with
 * Apache ECharts), the same rows as an accessible table beside it, and two CSV downloads (every row, and the rows on
 * screen). The rows travel inside the page as JSON; a suppressed cell is null there and 秘匿 on screen and in CSV.
 */
final class ChartSection {
    private final ChartDeclaration chart;
    private final ChartData data;
    private final String csvHref;
    private final Map<String, Object> fixedFilters;
    private final Map<String, Object> extra;

    /**
     * @param fixedFilters filters the page settles itself (a KPI's own page shows only that KPI), not offered to the reader
     * @param extra what a chart type needs beyond its rows (the map of the mesh heat map, a KPI's baseline and target)
     */
    ChartSection(ChartDeclaration chart, ChartData data, String csvHref, Map<String, Object> fixedFilters, Map<String, Object> extra) {
        this.chart = requireNonNull(chart, "chart is null");
        this.data = requireNonNull(data, "data is null");
        this.csvHref = requireNonNull(csvHref, "csvHref is null");
        this.fixedFilters = Map.copyOf(fixedFilters);
        this.extra = Map.copyOf(extra);
    }

    String html() {
        return html("<tbody><tr><td>" + HtmlText.bilingual("表はスクリプトで表示します。CSVでも取得できます。",
                "The table is drawn by the page's script; the CSV has the same rows.") + "</td></tr></tbody>");
    }

    /** With the table's rows as the page first shows them (before any filter), for readers without script too. */
    String html(String initialTable) {
        StringBuilder html = new StringBuilder(4096 + data.rows().size() * 64);
        html.append("<section class=\"chart ").append(chart.type().code()).append("\" id=\"chart-").append(chart.id()).append("\">\n");
        html.append("<h2>").append(HtmlText.bilingual(chart.title().ja(), chart.title().en())).append("</h2>\n");
        chart.note().ifPresent(note -> html.append("<p class=\"note\">").append(HtmlText.bilingual(note.ja(), note.en())).append("</p>\n"));
        html.append("<div class=\"filters\"></div>\n");
        if (chart.type() != org.ebpmlake.dashboards.declaration.ChartType.TABLE
                && chart.type() != org.ebpmlake.dashboards.declaration.ChartType.KPI_TABLE) {
            html.append("<div class=\"plot\" role=\"img\" aria-label=\"").append(HtmlText.escape(chart.title().ja() + " / " + chart.title().en()))
                    .append("\"></div>\n");
        }
        html.append("<div class=\"table-wrap\"><table class=\"data\"><caption>")
                .append(HtmlText.bilingual(chart.title().ja() + "（表）", chart.title().en() + " (table)"))
                .append("</caption>").append(initialTable).append("</table></div>\n");
        html.append("<p class=\"downloads\"><a class=\"csv-all\" href=\"").append(HtmlText.escape(csvHref)).append("\" download>")
                .append(HtmlText.bilingual("CSV（全データ）", "CSV (all rows)")).append("</a> <button type=\"button\" class=\"csv-shown\">")
                .append(HtmlText.bilingual("CSV（表示中のデータ）", "CSV (rows shown)")).append("</button></p>\n");
        html.append(PageJson.script("chart-spec", spec()));
        return html.append("</section>\n").toString();
    }

    private Map<String, Object> spec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("id", chart.id());
        spec.put("type", chart.type().code());
        spec.put("title", chart.title());
        spec.put("x", chart.dimensions().isEmpty() ? null : field(chart.dimensions().get(0)));
        spec.put("series", chart.series().map(this::field).orElse(null));
        List<Map<String, Object>> filters = new ArrayList<>();
        for (FieldDeclaration filter : chart.filters()) {
            if (!fixedFilters.containsKey(filter.column())) {
                filters.add(field(filter));
            }
        }
        spec.put("filters", filters);
        spec.put("fixed", fixedFilters);
        List<Map<String, Object>> measures = new ArrayList<>();
        for (MeasureDeclaration measure : chart.measures()) {
            Map<String, Object> declared = new LinkedHashMap<>();
            declared.put("column", measure.column());
            declared.put("label", measure.label());
            declared.put("unit", measure.unit());
            declared.put("flag", measure.suppressedFlag().orElse(null));
            measures.add(declared);
        }
        spec.put("measures", measures);
        List<Map<String, Object>> table = new ArrayList<>();
        Map<String, FieldDeclaration> labelled = new LinkedHashMap<>();
        chart.fields().forEach(field -> field.labelColumns().ifPresent(labels -> labelled.putIfAbsent(field.column(), field)));
        for (Map.Entry<String, LocalizedText> column : ChartColumns.of(chart).entrySet()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("column", column.getKey());
            shown.put("label", column.getValue());
            FieldDeclaration field = chart.fields().stream().filter(found -> found.column().equals(column.getKey())).findFirst().orElse(null);
            if (field != null && !field.valueLabels().isEmpty()) {
                shown.put("valueLabels", field.valueLabels());
            }
            shown.put("measure", ChartColumns.measureColumns(chart).contains(column.getKey()));
            table.add(shown);
        }
        spec.put("table", table);
        spec.put("labelled", labelled.keySet());
        spec.put("columns", data.columns());
        spec.put("rows", data.rows());
        spec.put("csvName", chart.id() + ".csv");
        spec.put("extra", extra);
        return spec;
    }

    private Map<String, Object> field(FieldDeclaration field) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("column", field.column());
        declared.put("label", field.label());
        declared.put("labelColumns", field.labelColumns().orElse(null));
        declared.put("initial", field.initial().orElse(null));
        declared.put("valueLabels", field.valueLabels());
        declared.put("all", field.all());
        return declared;
    }
}
