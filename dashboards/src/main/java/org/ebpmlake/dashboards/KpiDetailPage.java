package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.reference.KpiReportingDuty;
import org.ebpmlake.reference.KpiStatus;

/**
 * One KPI's page, {@code kpi/<id>.html}: what it measures, its status in words and colour, baseline, target, latest
 * actual, forecast and reporting duty, the declared trend chart (actuals, the straight line from baseline to target,
 * the target and the forecast) and the reports as received, each with its table and CSV.
 */
final class KpiDetailPage {
    private final DashboardDeclaration dashboard;
    private final ChartData kpis;
    private final List<Object> kpi;
    private final boolean sample;

    KpiDetailPage(DashboardDeclaration dashboard, ChartData kpis, List<Object> kpi, boolean sample) {
        this.dashboard = requireNonNull(dashboard, "dashboard is null");
        this.kpis = requireNonNull(kpis, "kpis is null");
        this.kpi = requireNonNull(kpi, "kpi is null");
        this.sample = sample;
    }

    static String relativePath(String kpiId) {
        requireNonNull(kpiId, "kpiId is null");
        if (!kpiId.matches("K0[0-6]-\\d\\d-\\d+")) {
            throw new IllegalArgumentException("not a KPI id: " + kpiId);
        }
        return "kpi/" + kpiId + ".html";
    }

    String render(ChartData history, ChartData receipts, Path site) {
        String id = text("kpi_id");
        KpiStatus status = KpiStatus.fromCode(text("status"));
        String unit = text("unit");
        String indicator = KpiReportPage.indicator(kpis, kpi);
        StringBuilder html = new StringBuilder(SitePage.header(id + " " + indicator, id + " " + text("kpi_text_en"), "../", true));
        html.append("<h1>").append(HtmlText.escape(id)).append(" ").append(HtmlText.bilingual(indicator, text("kpi_text_en")))
                .append("</h1>\n<p>VALUE ").append(HtmlText.escape(text("value_area"))).append(" ")
                .append(HtmlText.escape(text("value_area_title_ja"))).append(" ／ ").append(HtmlText.escape(text("measure_title_ja"))).append("</p>\n");
        if (sample) {
            html.append(KpiSite.sampleBanner());
        }
        html.append("<div class=\"table-wrap\"><table class=\"facts\">\n");
        row(html, "状況", "Status", "<span class=\"badge " + status.code() + "\">" + HtmlText.bilingual(status.labelJa(), status.labelEn()) + "</span>");
        row(html, "現状値", "Baseline", valueWithYear("baseline_value", "baseline_text", "baseline_fiscal_year", unit));
        row(html, "目標値", "Target", valueWithYear("target_value", "target_text", "target_fiscal_year", unit));
        row(html, "最新実績", "Latest actual", valueWithYear("latest_value", "", "latest_fiscal_year", unit));
        row(html, "進捗率", "Progress", progress());
        row(html, "目標年度の予測", "Forecast for the target year", number(value("forecast_value"), unit));
        row(html, "報告所属", "Reporting department", HtmlText.bilingual(text("department_ja"), text("department_en")));
        row(html, "報告周期", "Cycle", cycle());
        row(html, "最終報告受領日", "Last report received", dash(text("last_received_on")));
        row(html, "次回報告期限", "Next due", dash(text("next_due_on")));
        String overdue = text("overdue_since");
        row(html, "未報告", "Overdue", overdue.isEmpty() ? HtmlText.bilingual("なし", "no")
                : "<strong class=\"overdue\">" + HtmlText.bilingual(overdue + " の期限から未報告", "owed since " + overdue) + "</strong>");
        html.append("</table></div>\n");
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("baseline", value("baseline_value"));
        trend.put("baselineYear", value("baseline_fiscal_year"));
        trend.put("target", value("target_value"));
        trend.put("targetYear", value("target_fiscal_year"));
        trend.put("forecast", value("forecast_value"));
        trend.put("unit", unit);
        String historyCsv = "data/" + KpiSite.DASHBOARD + "/kpi/" + id + "-kpi-history.csv";
        PageFile.write(site.resolve(historyCsv), ChartCsv.of(dashboard.chart("kpi-history"), history));
        html.append(new ChartSection(dashboard.chart("kpi-history"), history, "../" + historyCsv, Map.of("kpi_id", id),
                Map.of("kpi", trend)).html());
        String receiptsCsv = "data/" + KpiSite.DASHBOARD + "/kpi/" + id + "-kpi-receipts.csv";
        PageFile.write(site.resolve(receiptsCsv), ChartCsv.of(dashboard.chart("kpi-receipts"), receipts));
        html.append(new ChartSection(dashboard.chart("kpi-receipts"), receipts, "../" + receiptsCsv, Map.of("kpi_id", id), Map.of()).html());
        return html.append(SitePage.footer()).toString();
    }

    private String cycle() {
        for (KpiReportingDuty.Cycle cycle : KpiReportingDuty.Cycle.values()) {
            if (cycle.code().equals(text("cycle"))) {
                return HtmlText.bilingual(cycle.labelJa(), cycle.labelEn());
            }
        }
        return "—";
    }

    private String text(String column) {
        Object value = kpi.get(kpis.column(column));
        return value == null ? "" : value.toString();
    }

    private Object value(String column) {
        return kpi.get(kpis.column(column));
    }

    private String valueWithYear(String valueColumn, String textColumn, String yearColumn, String unit) {
        Object value = value(valueColumn);
        String shown;
        if (value instanceof Number number) {
            shown = NumberText.of(number.doubleValue()) + unit;
        } else if (!textColumn.isEmpty() && !text(textColumn).isEmpty()) {
            shown = text(textColumn);
        } else {
            return "—";
        }
        String year = text(yearColumn);
        if (year.isEmpty()) {
            return HtmlText.escape(shown);
        }
        return HtmlText.escape(shown) + " <small>" + HtmlText.bilingual(year + "年度", "FY" + year) + "</small>";
    }

    private String progress() {
        if (value("progress_ratio") instanceof Number ratio) {
            return String.format("%.0f%%", ratio.doubleValue() * 100);
        }
        return "—";
    }

    private static String number(Object value, String unit) {
        if (value instanceof Number number) {
            return HtmlText.escape(NumberText.of(number.doubleValue()) + unit);
        }
        return "—";
    }

    private static String dash(String text) {
        return text.isEmpty() ? "—" : HtmlText.escape(text);
    }

    private static void row(StringBuilder html, String labelJa, String labelEn, String value) {
        html.append("<tr><th scope=\"row\">").append(HtmlText.bilingual(labelJa, labelEn)).append("</th><td>").append(value).append("</td></tr>\n");
    }
}
