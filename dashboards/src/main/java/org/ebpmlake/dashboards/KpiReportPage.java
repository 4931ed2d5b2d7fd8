package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.reference.KpiStatus;

/**
 * The progress report the DX office hands to the mayor's meeting, for one as-of date: a printable A4 page
 * ({@code report-<date>.html}; the latest also as {@code report.html}) with the count of KPIs by status and area and
 * every KPI's latest figure against its target, progress, status in words, reporting department and any overdue
 * figure. It renders the declared {@code kpi-status} chart as a printed table: no script is needed to read or print it.
 */
final class KpiReportPage {
    private final DashboardDeclaration dashboard;
    private final List<Map<String, String>> statuses;

    KpiReportPage(DashboardDeclaration dashboard, List<Map<String, String>> statuses) {
        this.dashboard = requireNonNull(dashboard, "dashboard is null");
        this.statuses = List.copyOf(statuses);
    }

    static String fileName(LocalDate asOf) {
        return "report-" + asOf + ".html";
    }

    Path write(Path site, LocalDate asOf, ChartData kpis, boolean sample) {
        String html = render(asOf, kpis, sample);
        PageFile.write(site.resolve(fileName(asOf)), html);
        PageFile.write(site.resolve("report.html"), html);
        return site.resolve(fileName(asOf));
    }

    String render(LocalDate asOf, ChartData kpis, boolean sample) {
        StringBuilder html = new StringBuilder(SitePage.header("KPI進捗報告 " + asOf, "KPI progress report " + asOf, ""));
        html.append("<article class=\"report\">\n<h1>").append(HtmlText.bilingual("大阪市DX戦略アクションプラン 進捗報告",
                "Osaka City DX action plan: progress report")).append("</h1>\n<p class=\"lead\">")
                .append(HtmlText.bilingual(asOf + " 時点", "As of " + asOf)).append(" · ")
                .append(HtmlText.bilingual("作成：DX推進担当（ebpm-lake）", "Prepared by the DX office (ebpm-lake)")).append("</p>\n");
        if (sample) {
            html.append(KpiSite.sampleBanner());
        }
        html.append(byArea(kpis));
        html.append("<table class=\"report-table\">\n<thead><tr>");
        for (String[] heading : new String[][] {{"指標", "KPI"}, {"評価指標", "Indicator"}, {"最新実績／目標", "Latest / target"},
                {"進捗率", "Progress"}, {"状況", "Status"}, {"報告所属", "Department"}, {"未報告", "Overdue"}}) {
            html.append("<th scope=\"col\">").append(HtmlText.bilingual(heading[0], heading[1])).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        String area = "";
        for (List<Object> kpi : kpis.rows()) {
            String thisArea = text(kpis, kpi, "value_area");
            if (!thisArea.equals(area)) {
                area = thisArea;
                html.append("<tr class=\"area\"><th colspan=\"7\" scope=\"rowgroup\">VALUE ").append(HtmlText.escape(area)).append(" ")
                        .append(HtmlText.escape(text(kpis, kpi, "value_area_title_ja"))).append("</th></tr>\n");
            }
            KpiStatus status = KpiStatus.fromCode(text(kpis, kpi, "status"));
            String unit = text(kpis, kpi, "unit");
            html.append("<tr><td>").append(HtmlText.escape(text(kpis, kpi, "kpi_id"))).append("</td><td>")
                    .append(HtmlText.bilingual(indicator(kpis, kpi), text(kpis, kpi, "kpi_text_en"))).append("</td><td class=\"figures\">")
                    .append(HtmlText.escape(KpiTableHtml.figure(kpis, kpi, "latest_value", unit) + " ／ " + KpiTableHtml.target(kpis, kpi, unit)))
                    .append("</td><td class=\"number\">").append(HtmlText.escape(KpiTableHtml.progress(kpis, kpi))).append("</td><td><span class=\"badge ")
                    .append(status.code()).append("\">").append(HtmlText.bilingual(status.labelJa(), status.labelEn())).append("</span></td><td class=\"nowrap\">")
                    .append(HtmlText.bilingual(text(kpis, kpi, "department_ja"), text(kpis, kpi, "department_en"))).append("</td><td class=\"nowrap\">");
            String overdue = text(kpis, kpi, "overdue_since");
            if (!overdue.isEmpty()) {
                html.append("<strong class=\"overdue\">").append(HtmlText.bilingual(overdue + "〜", "since " + overdue)).append("</strong>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">").append(HtmlText.bilingual(
                "状況は、現状値から目標値への直線軌道と最新実績を比べて判定しています。「未報告」は報告期限を過ぎても実績が届いていないKPIです。",
                "Status compares the latest actual with the straight trajectory from baseline to target. \"Overdue\" marks a KPI whose"
                        + " figure has not arrived by its due date."))
                .append("</p>\n</article>\n");
        return html.append(SitePage.footer()).toString();
    }

    private String byArea(ChartData kpis) {
        Map<String, Map<KpiStatus, Integer>> counts = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (List<Object> kpi : kpis.rows()) {
            String area = text(kpis, kpi, "value_area");
            titles.putIfAbsent(area, text(kpis, kpi, "value_area_title_ja"));
            counts.computeIfAbsent(area, key -> new EnumMap<>(KpiStatus.class)).merge(KpiStatus.fromCode(text(kpis, kpi, "status")), 1, Integer::sum);
        }
        StringBuilder html = new StringBuilder("<table class=\"report-summary\">\n<thead><tr><th scope=\"col\">VALUE</th>");
        List<KpiStatus> order = new ArrayList<>(List.of(KpiStatus.values()));
        for (KpiStatus status : order) {
            html.append("<th scope=\"col\"><span class=\"badge ").append(status.code()).append("\">")
                    .append(HtmlText.bilingual(status.labelJa(), status.labelEn())).append("</span></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        Map<KpiStatus, Integer> total = new EnumMap<>(KpiStatus.class);
        counts.forEach((area, byStatus) -> {
            html.append("<tr><th scope=\"row\">").append(HtmlText.escape(area + " " + titles.get(area))).append("</th>");
            for (KpiStatus status : order) {
                int count = byStatus.getOrDefault(status, 0);
                total.merge(status, count, Integer::sum);
                html.append("<td class=\"number\">").append(count).append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("<tr class=\"total\"><th scope=\"row\">").append(HtmlText.bilingual("合計", "Total")).append("</th>");
        for (KpiStatus status : order) {
            html.append("<td class=\"number\">").append(total.getOrDefault(status, 0)).append("</td>");
        }
        return html.append("</tr>\n</tbody>\n</table>\n").toString();
    }

    /** The plan leaves a few indicators without text: their measure's title stands in. */
    static String indicator(ChartData kpis, List<Object> kpi) {
        String text = text(kpis, kpi, "kpi_text_ja");
        return text.isEmpty() ? text(kpis, kpi, "measure_title_ja") : text;
    }

    private static String text(ChartData kpis, List<Object> kpi, String column) {
        Object value = kpi.get(kpis.column(column));
        return value == null ? "" : value.toString();
    }
}
