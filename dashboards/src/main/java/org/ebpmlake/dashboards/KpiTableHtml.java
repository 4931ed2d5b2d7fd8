package org.ebpmlake.dashboards;

import java.util.List;
import org.ebpmlake.reference.KpiStatus;

/**
 * The KPI overview's table as the page first shows it (every KPI by VALUE area, in id order), so it reads without
 * script, prints, and is what a search or a test finds in the file; the site's script redraws the same columns when
 * the reader filters or sorts.
 */
final class KpiTableHtml {
    private KpiTableHtml() {
    }

    static String of(ChartData kpis) {
        StringBuilder html = new StringBuilder("<thead><tr>");
        for (String[] heading : new String[][] {{"指標ID", "KPI"}, {"評価指標", "Indicator"}, {"状況", "Status"}, {"進捗", "Progress"},
                {"推移", "Trend"}, {"最新実績／目標", "Latest / target"}, {"報告所属・期限", "Department, due"}}) {
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
            String id = text(kpis, kpi, "kpi_id");
            KpiStatus status = KpiStatus.fromCode(text(kpis, kpi, "status"));
            String unit = text(kpis, kpi, "unit");
            html.append("<tr data-kpi=\"").append(HtmlText.escape(id)).append("\"><td><a href=\"").append(KpiDetailPage.relativePath(id))
                    .append("\">").append(HtmlText.escape(id)).append("</a></td><td class=\"kpi-text\">")
                    .append(HtmlText.bilingual(KpiReportPage.indicator(kpis, kpi), text(kpis, kpi, "kpi_text_en")))
                    .append("</td><td><span class=\"badge status ").append(status.code()).append("\">")
                    .append(HtmlText.bilingual(status.labelJa(), status.labelEn())).append("</span></td><td class=\"kpi-progress\">")
                    .append(HtmlText.escape(progress(kpis, kpi))).append("</td><td class=\"hide-narrow\">—</td><td class=\"figures\">")
                    .append(HtmlText.escape(figure(kpis, kpi, "latest_value", unit) + " ／ " + target(kpis, kpi, unit)))
                    .append(baseline(kpis, kpi, unit)).append("</td><td class=\"kpi-duty\">")
                    .append(HtmlText.bilingual(text(kpis, kpi, "department_ja"), text(kpis, kpi, "department_en")));
            String overdue = text(kpis, kpi, "overdue_since");
            if (!overdue.isEmpty()) {
                html.append("<br><strong class=\"overdue\">").append(HtmlText.bilingual(overdue + " から未報告", "owed since " + overdue)).append("</strong>");
            } else if (!text(kpis, kpi, "next_due_on").isEmpty()) {
                html.append("<br><small>").append(HtmlText.bilingual("次回期限 ", "next due ")).append(HtmlText.escape(text(kpis, kpi, "next_due_on")))
                        .append("</small>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody>").toString();
    }

    /** The baseline under the figures, as the plan states it (700手続き). */
    static String baseline(ChartData kpis, List<Object> kpi, String unit) {
        String baseline = figure(kpis, kpi, "baseline_value", unit);
        if ("—".equals(baseline)) {
            baseline = text(kpis, kpi, "baseline_text");
        }
        if (baseline.isEmpty() || "—".equals(baseline)) {
            return "";
        }
        return "<br><small>" + HtmlText.bilingual("現状値 " + baseline, "baseline " + baseline) + "</small>";
    }

    static String progress(ChartData kpis, List<Object> kpi) {
        if (kpi.get(kpis.column("progress_ratio")) instanceof Number ratio) {
            return String.format("%.0f%%", ratio.doubleValue() * 100);
        }
        return "—";
    }

    static String figure(ChartData kpis, List<Object> kpi, String column, String unit) {
        if (kpi.get(kpis.column(column)) instanceof Number number) {
            return NumberText.of(number.doubleValue()) + unit;
        }
        return "—";
    }

    static String target(ChartData kpis, List<Object> kpi, String unit) {
        String figure = figure(kpis, kpi, "target_value", unit);
        if (!"—".equals(figure)) {
            return figure;
        }
        String written = text(kpis, kpi, "target_text");
        return written.isEmpty() ? "—" : written;
    }

    private static String text(ChartData kpis, List<Object> kpi, String column) {
        Object value = kpi.get(kpis.column(column));
        return value == null ? "" : value.toString();
    }
}
