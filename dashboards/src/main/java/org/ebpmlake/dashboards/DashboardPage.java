package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.ChartType;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.reference.JisMeshCode;
import org.ebpmlake.reference.MidosujiMap;

/**
 * A declared dashboard as one page of the static site ({@code <page>} at the site's top): every chart of the
 * declaration, each with its table and CSV downloads, the CSV files under {@code data/<dashboard>/}.
 */
final class DashboardPage {
    private final SparkSession spark;
    private final String catalog;
    private final int minimumGroup;

    DashboardPage(SparkSession spark, String catalog, int minimumGroup) {
        this.spark = requireNonNull(spark, "spark is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.minimumGroup = minimumGroup;
    }

    /** Writes the page and its CSV files; returns the page. */
    Path write(Path site, DashboardDeclaration dashboard) {
        StringBuilder html = new StringBuilder(SitePage.header(dashboard.title().ja(), dashboard.title().en(), "", true));
        html.append("<h1>").append(HtmlText.bilingual(dashboard.title().ja(), dashboard.title().en())).append("</h1>\n");
        dashboard.description().ifPresent(text -> html.append("<p class=\"lead\">").append(HtmlText.bilingual(text.ja(), text.en()))
                .append("</p>\n"));
        if (dashboard.charts().stream().anyMatch(chart -> chart.measures().stream().anyMatch(measure -> measure.suppressedFlag().isPresent()))) {
            html.append(suppressionNote(minimumGroup));
        }
        for (ChartDeclaration chart : dashboard.charts()) {
            ChartData data = ChartData.query(spark, chart, catalog);
            String csv = "data/" + dashboard.id() + "/" + chart.id() + ".csv";
            PageFile.write(site.resolve(csv), ChartCsv.of(chart, data));
            html.append(new ChartSection(chart, data, csv, Map.of(), extra(chart, data)).html());
        }
        html.append(SitePage.footer());
        Path page = site.resolve(dashboard.page());
        PageFile.write(page, html.toString());
        return page;
    }

    static String suppressionNote(int minimumGroup) {
        return "<p class=\"suppression-note\"><span class=\"suppressed\">秘匿</span> "
                + HtmlText.bilingual("…" + minimumGroup + "人未満の集団、またはその値を他の数字から逆算されないように伏せた集団です。数値は公表していません。",
                "… a group of fewer than " + minimumGroup + " students, or a group hidden so that a small one cannot be worked out"
                        + " from the other figures. No number is published for it.")
                + "</p>\n";
    }

    /** The mesh heat map's grid squares and its orientation map; nothing for other charts. */
    private static Map<String, Object> extra(ChartDeclaration chart, ChartData data) {
        if (chart.type() != ChartType.MESH_HEATMAP) {
            return Map.of();
        }
        int meshColumn = data.column(chart.dimensions().get(0).column());
        Map<String, double[]> meshes = new LinkedHashMap<>();
        for (List<Object> row : data.rows()) {
            String code = String.valueOf(row.get(meshColumn));
            meshes.computeIfAbsent(code, JisMeshCode::halfMeshBounds);
        }
        MidosujiMap map = MidosujiMap.load();
        List<double[]> street = new ArrayList<>();
        map.street().forEach(point -> street.add(new double[] {point.longitude(), point.latitude()}));
        List<Map<String, Object>> stations = new ArrayList<>();
        for (MidosujiMap.Station station : map.stations()) {
            stations.add(Map.of("code", station.code(), "ja", station.nameJa(), "en", station.nameEn(),
                    "lon", station.position().longitude(), "lat", station.position().latitude()));
        }
        return Map.of("meshes", meshes, "street", street, "stations", stations);
    }
}
