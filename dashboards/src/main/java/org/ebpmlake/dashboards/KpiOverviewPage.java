package org.ebpmlake.dashboards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.ebpmlake.reference.KpiStatus;

/**
 * The static site's front page, {@code index.html}: every KPI of the action plan by VALUE area with its
 * baseline, target, latest actual and status, each linked to its own page. Japanese first; a button
 * switches to English.
 */
final class KpiOverviewPage {
    private KpiOverviewPage() {
    }

    static String render(List<Row> kpis, LocalDate asOf) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append(SitePage.header("DX戦略アクションプラン KPI進捗", "KPI progress", ""));
        html.append("<h1>").append(HtmlText.bilingual("大阪市DX戦略アクションプラン KPI進捗", "Osaka City DX action plan: KPI progress"))
                .append("</h1>\n");
        html.append("<p>").append(HtmlText.bilingual(asOf + " 時点のデータ", "Data as of " + asOf)).append("</p>\n");
        html.append(summary(kpis));
        for (Map.Entry<String, List<Row>> area : byArea(kpis).entrySet()) {
            Row first = area.getValue().get(0);
            html.append("<h2>VALUE ").append(HtmlText.escape(area.getKey())).append(" ")
                    .append(HtmlText.escape(first.getAs("value_area_title_ja"))).append("</h2>\n");
            html.append(table(area.getValue()));
        }
        html.append(SitePage.footer());
        return html.toString();
    }

    private static String summary(List<Row> kpis) {
        Map<KpiStatus, Integer> counts = new EnumMap<>(KpiStatus.class);
        for (Row kpi : kpis) {
            counts.merge(KpiStatus.fromCode(kpi.getAs("status")), 1, Integer::sum);
        }
        StringBuilder html = new StringBuilder("<p class=\"summary\">");
        html.append(HtmlText.bilingual("KPI " + kpis.size() + "件：", kpis.size() + " KPIs: "));
        for (KpiStatus status : KpiStatus.values()) {
            html.append("<span class=\"count ").append(status.code()).append("\">")
                    .append(HtmlText.bilingual(status.labelJa(), status.labelEn()))
                    .append(" ").append(counts.getOrDefault(status, 0)).append("</span>");
        }
        return html.append("</p>\n").toString();
    }

    private static String table(List<Row> kpis) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        for (String[] header : new String[][] {{"指標ID", "KPI"}, {"施策", "Measure"}, {"評価指標", "Indicator"},
                {"現状値", "Baseline"}, {"目標値", "Target"}, {"最新実績", "Latest actual"}, {"進捗率", "Progress"},
                {"状況", "Status"}}) {
            html.append("<th>").append(HtmlText.bilingual(header[0], header[1])).append("</th>");
        }
        html.append("</tr>\n");
        for (Row kpi : kpis) {
            KpiStatus status = KpiStatus.fromCode(kpi.getAs("status"));
            String unit = text(kpi, "unit");
            String id = kpi.getAs("kpi_id");
            html.append("<tr><td><a href=\"").append(KpiDetailPage.relativePath(id)).append("\">").append(HtmlText.escape(id))
                    .append("</a></td>")
                    .append("<td>").append(HtmlText.escape(kpi.getAs("measure_title_ja"))).append("</td>")
                    .append("<td>").append(HtmlText.bilingual(text(kpi, "kpi_text_ja"), text(kpi, "kpi_text_en"))).append("</td>")
                    .append("<td class=\"number\">").append(valueWithYear(kpi, "baseline_value", "baseline_text", "baseline_fiscal_year", unit))
                    .append("</td><td class=\"number\">").append(valueWithYear(kpi, "target_value", "target_text", "target_fiscal_year", unit))
                    .append("</td><td class=\"number\">").append(valueWithYear(kpi, "latest_value", null, "latest_fiscal_year", unit))
                    .append("</td><td class=\"number\">").append(progress(kpi))
                    .append("</td><td class=\"status ").append(status.code()).append("\">")
                    .append(HtmlText.bilingual(status.labelJa(), status.labelEn())).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    static String valueWithYear(Row kpi, String valueColumn, String textColumn, String yearColumn, String unit) {
        Double value = kpi.getAs(valueColumn);
        Integer year = kpi.getAs(yearColumn);
        String shown;
        if (value != null) {
            shown = formatNumber(value) + unit;
        } else if (textColumn != null && !text(kpi, textColumn).isEmpty()) {
            shown = text(kpi, textColumn);
        } else {
            return "—";
        }
        String escaped = HtmlText.escape(shown);
        if (year == null) {
            return escaped;
        }
        return escaped + "<br><small>" + HtmlText.bilingual(year + "年度", "FY" + year) + "</small>";
    }

    static String progress(Row kpi) {
        Double ratio = kpi.getAs("progress_ratio");
        if (ratio == null) {
            return "—";
        }
        return String.format("%.0f%%", ratio * 100);
    }

    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return String.format("%,.1f", value);
    }

    static String text(Row kpi, String column) {
        String value = kpi.getAs(column);
        return value == null ? "" : value;
    }

    private static Map<String, List<Row>> byArea(List<Row> kpis) {
        Map<String, List<Row>> areas = new LinkedHashMap<>();
        for (Row kpi : kpis) {
            areas.computeIfAbsent(kpi.getAs("value_area"), key -> new ArrayList<>()).add(kpi);
        }
        return areas;
    }
}
