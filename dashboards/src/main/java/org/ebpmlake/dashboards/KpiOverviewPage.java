package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.reference.KpiStatus;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The static site's front page, {@code index.html}: every KPI of the action plan by VALUE area with its
 * baseline, target, latest actual and status, read from {@code mart.kpi_progress}. Japanese first; a
 * button switches to English. The page is self-contained (no script or style from elsewhere), so it opens
 * from a file share as well as from a web server.
 */
public final class KpiOverviewPage {
    public static final TableName SOURCE = new TableName(Zone.MART, "kpi_progress");
    public static final String FILE_NAME = "index.html";

    private final SparkSession spark;
    private final LakeSettings settings;

    public KpiOverviewPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes the page and returns its path. */
    public Path write(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        List<Row> kpis = spark.table(SOURCE.in(settings.catalogName()))
                .orderBy(functions.col("value_area"), functions.col("kpi_id")).collectAsList();
        Path page = settings.siteDirectory().resolve(FILE_NAME);
        try {
            Files.createDirectories(settings.siteDirectory());
            Files.writeString(page, render(kpis, asOf), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dashboard page " + page, e);
        }
        return page;
    }

    static String render(List<Row> kpis, LocalDate asOf) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("""
                <!DOCTYPE html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>DX戦略アクションプラン KPI進捗 / KPI progress</title>
                <style>
                body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;margin:1.5rem;color:#1a1a1a}
                body .en{display:none} body.english .en{display:inline} body.english .ja{display:none}
                table{border-collapse:collapse;width:100%;margin-bottom:2rem;font-size:.9rem}
                th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
                th{background:#f0f3f7} td.number{text-align:right;white-space:nowrap}
                .status{font-weight:bold;white-space:nowrap}
                .achieved{color:#0b6b2b}.on_track{color:#1b5fa8}.at_risk{color:#a86b00}.off_track{color:#b3261e}.no_data{color:#666}
                .summary span.count{margin-right:1.2rem}
                </style>
                </head>
                <body>
                <button type="button" onclick="document.body.classList.toggle('english')">日本語 / English</button>
                """);
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
        html.append("</body>\n</html>\n");
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
            html.append("<tr><td>").append(HtmlText.escape(kpi.getAs("kpi_id"))).append("</td>")
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

    private static String valueWithYear(Row kpi, String valueColumn, String textColumn, String yearColumn, String unit) {
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

    private static String progress(Row kpi) {
        Double ratio = kpi.getAs("progress_ratio");
        if (ratio == null) {
            return "—";
        }
        return String.format("%.0f%%", ratio * 100);
    }

    private static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return String.format("%,.1f", value);
    }

    private static String text(Row kpi, String column) {
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
