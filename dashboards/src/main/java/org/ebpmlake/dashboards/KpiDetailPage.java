package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.ebpmlake.reference.KpiStatus;

/** One KPI's page, {@code kpi/<id>.html}: what it measures, baseline, target, actuals and the trend chart. */
final class KpiDetailPage {
    private KpiDetailPage() {
    }

    static String relativePath(String kpiId) {
        requireNonNull(kpiId, "kpiId is null");
        return "kpi/" + kpiId + ".html";
    }

    /** @param actuals this KPI's rows of {@code mart.kpi_actuals}, ordered by fiscal year */
    static String render(Row kpi, List<Row> actuals) {
        String id = kpi.getAs("kpi_id");
        KpiStatus status = KpiStatus.fromCode(kpi.getAs("status"));
        String unit = KpiOverviewPage.text(kpi, "unit");
        StringBuilder html = new StringBuilder(SitePage.header(id + " " + KpiOverviewPage.text(kpi, "kpi_text_ja"),
                KpiOverviewPage.text(kpi, "kpi_text_en"), "../"));
        html.append("<h1>").append(HtmlText.escape(id)).append(" ")
                .append(HtmlText.bilingual(KpiOverviewPage.text(kpi, "kpi_text_ja"), KpiOverviewPage.text(kpi, "kpi_text_en")))
                .append("</h1>\n");
        html.append("<p>VALUE ").append(HtmlText.escape(kpi.getAs("value_area"))).append(" ")
                .append(HtmlText.escape(kpi.getAs("value_area_title_ja"))).append(" ／ ")
                .append(HtmlText.escape(kpi.getAs("measure_title_ja"))).append("</p>\n");
        html.append("<table>\n");
        row(html, "状況", "Status", "<span class=\"status " + status.code() + "\">"
                + HtmlText.bilingual(status.labelJa(), status.labelEn()) + "</span>");
        row(html, "現状値", "Baseline", KpiOverviewPage.valueWithYear(kpi, "baseline_value", "baseline_text", "baseline_fiscal_year", unit));
        row(html, "目標値", "Target", KpiOverviewPage.valueWithYear(kpi, "target_value", "target_text", "target_fiscal_year", unit));
        row(html, "最新実績", "Latest actual", KpiOverviewPage.valueWithYear(kpi, "latest_value", null, "latest_fiscal_year", unit));
        row(html, "軌道上の期待値", "Expected on the trajectory", number(kpi.getAs("expected_value"), unit));
        row(html, "進捗率", "Progress", KpiOverviewPage.progress(kpi));
        row(html, "目標年度の予測", "Forecast for the target year", number(kpi.getAs("forecast_value"), unit));
        row(html, "出典", "Source", HtmlText.escape(KpiOverviewPage.text(kpi, "latest_source")));
        html.append("</table>\n");
        List<KpiTrendChart.Point> points = actuals.stream()
                .map(actual -> new KpiTrendChart.Point(actual.<Integer>getAs("fiscal_year"), actual.<Double>getAs("actual_value")))
                .toList();
        Integer targetYear = kpi.getAs("target_fiscal_year");
        Optional<KpiTrendChart.Point> forecast = KpiTrendChart.point(targetYear, kpi.getAs("forecast_value"));
        html.append(new KpiTrendChart(points, KpiTrendChart.point(kpi.getAs("baseline_fiscal_year"), kpi.getAs("baseline_value")),
                KpiTrendChart.point(targetYear, kpi.getAs("target_value")), forecast).svg());
        html.append("<p><small>").append(HtmlText.bilingual(
                "青：実績、破線：現状値から目標値への直線軌道、緑：目標値、橙の円：目標年度の予測",
                "Blue: actuals; dashed: straight trajectory from baseline to target; green: target; orange circle: forecast"))
                .append("</small></p>\n");
        html.append("<h2>").append(HtmlText.bilingual("実績", "Actuals")).append("</h2>\n<table>\n<tr><th>")
                .append(HtmlText.bilingual("年度", "Fiscal year")).append("</th><th>").append(HtmlText.bilingual("実績値", "Value"))
                .append("</th><th>").append(HtmlText.bilingual("出典", "Source")).append("</th></tr>\n");
        for (Row actual : actuals) {
            html.append("<tr><td>").append(actual.<Integer>getAs("fiscal_year")).append("</td><td class=\"number\">")
                    .append(number(actual.getAs("actual_value"), unit)).append("</td><td>")
                    .append(HtmlText.escape(actual.getAs("source"))).append("</td></tr>\n");
        }
        html.append("</table>\n");
        String kgi = KpiOverviewPage.text(kpi, "kgi_text_ja");
        if (!kgi.isEmpty()) {
            html.append("<p>KGI：").append(HtmlText.escape(kgi)).append("</p>\n");
        }
        return html.append(SitePage.footer()).toString();
    }

    private static void row(StringBuilder html, String labelJa, String labelEn, String value) {
        html.append("<tr><th>").append(HtmlText.bilingual(labelJa, labelEn)).append("</th><td>").append(value).append("</td></tr>\n");
    }

    private static String number(Double value, String unit) {
        return value == null ? "—" : HtmlText.escape(KpiOverviewPage.formatNumber(value) + unit);
    }
}
