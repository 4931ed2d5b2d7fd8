package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The site's quality page, {@code quality.html}, Japanese first: per dataset the latest gate's status, its failing
 * checks with their reasons (metric values and counts only, as the gate records them), and the trend of the
 * row count over the gate's runs.
 */
public final class QualityPage {
    public static final TableName RESULTS = new TableName(Zone.OPS, "quality_results");
    public static final TableName METRICS = new TableName(Zone.OPS, "quality_metrics");
    public static final String PAGE = "quality.html";
    private static final int TREND_RUNS = 10;

    private final SparkSession spark;
    private final LakeSettings settings;

    public QualityPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes the page and returns its path. */
    public Path write() {
        String results = RESULTS.in(settings.catalogName());
        List<Row> latest = spark.sql("SELECT r.dataset, r.checked_at, r.check_level, r.check_name, r.status, r.message FROM "
                + results + " r JOIN (SELECT dataset, max(checked_at) AS latest FROM " + results + " GROUP BY dataset) l"
                + " ON r.dataset = l.dataset AND r.checked_at = l.latest ORDER BY r.dataset, r.check_name").collectAsList();
        List<Row> sizes = spark.sql("SELECT dataset, value FROM " + METRICS.in(settings.catalogName())
                + " WHERE metric = 'Size' ORDER BY dataset, measured_at").collectAsList();
        Path page = settings.siteDirectory().resolve(PAGE);
        PageFile.write(page, render(latest, sizes));
        return page;
    }

    static String render(List<Row> latest, List<Row> sizes) {
        Map<String, List<Row>> byDataset = latest.stream()
                .collect(Collectors.groupingBy(row -> row.<String>getAs("dataset"), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Double>> trend = sizes.stream().collect(Collectors.groupingBy(row -> row.<String>getAs("dataset"),
                LinkedHashMap::new, Collectors.mapping(row -> row.<Double>getAs("value"), Collectors.toList())));
        StringBuilder html = new StringBuilder(SitePage.header("データ品質", "Data quality", ""));
        html.append("<h1>").append(HtmlText.bilingual("データ品質", "Data quality")).append("</h1>\n<table>\n<tr><th>")
                .append(HtmlText.bilingual("データセット", "Dataset")).append("</th><th>")
                .append(HtmlText.bilingual("状態", "Status")).append("</th><th>")
                .append(HtmlText.bilingual("不合格の検査", "Failing checks")).append("</th><th>")
                .append(HtmlText.bilingual("件数の推移（直近" + TREND_RUNS + "回）", "Row count, last " + TREND_RUNS + " runs"))
                .append("</th></tr>\n");
        for (Map.Entry<String, List<Row>> dataset : byDataset.entrySet()) {
            List<Row> failing = dataset.getValue().stream().filter(row -> "failure".equals(row.getAs("status"))).toList();
            html.append("<tr><td>").append(HtmlText.escape(dataset.getKey())).append("</td><td class=\"status\">")
                    .append(status(failing)).append("</td><td>");
            for (Row failure : failing) {
                html.append(HtmlText.escape("[" + failure.getAs("check_level") + "] " + failure.getAs("check_name") + ": "
                        + failure.getAs("message"))).append("<br>");
            }
            List<Double> values = trend.getOrDefault(dataset.getKey(), List.of());
            String recent = values.subList(Math.max(0, values.size() - TREND_RUNS), values.size()).stream()
                    .map(value -> String.format("%,.0f", value)).collect(Collectors.joining(" → "));
            html.append("</td><td class=\"number\">").append(HtmlText.escape(recent)).append("</td></tr>\n");
        }
        html.append("</table>\n").append(SitePage.footer());
        return html.toString();
    }

    private static String status(List<Row> failing) {
        if (failing.stream().anyMatch(row -> "error".equals(row.getAs("check_level")))) {
            return "<span class=\"off_track\">" + HtmlText.bilingual("停止（昇格せず）", "blocked") + "</span>";
        }
        if (!failing.isEmpty()) {
            return "<span class=\"at_risk\">" + HtmlText.bilingual("警告あり", "warnings") + "</span>";
        }
        return "<span class=\"achieved\">" + HtmlText.bilingual("合格", "passed") + "</span>";
    }
}
