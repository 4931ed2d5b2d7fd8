package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The site's privacy page, {@code privacy.html}, Japanese first, for the stewards who decide what is published:
 * per de-identified table and footfall mart, the latest report of {@code ops.privacy_reports}: the model and its
 * parameters, the transformation, what was suppressed, the smallest class, the loss and risk, the engine, and
 * whether the independent check passed (a table that failed was not written).
 */
public final class PrivacyPage {
    public static final TableName REPORTS = new TableName(Zone.OPS, "privacy_reports");
    public static final String PAGE = "privacy.html";

    private final SparkSession spark;
    private final LakeSettings settings;

    public PrivacyPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes the page and returns its path. */
    public Path write() {
        String reports = REPORTS.in(settings.catalogName());
        List<Row> latest = spark.sql("SELECT r.* FROM " + reports + " r JOIN (SELECT table_name, max(reported_at) AS latest FROM "
                + reports + " GROUP BY table_name) l ON r.table_name = l.table_name AND r.reported_at = l.latest"
                + " ORDER BY r.table_name").collectAsList();
        Path page = settings.siteDirectory().resolve(PAGE);
        PageFile.write(page, render(latest));
        return page;
    }

    static String render(List<Row> latest) {
        StringBuilder html = new StringBuilder(SitePage.header("匿名加工の検証", "Privacy reports", ""));
        html.append("<h1>").append(HtmlText.bilingual("匿名加工の検証", "Privacy reports")).append("</h1>\n<p>")
                .append(HtmlText.bilingual("公開する表ごとの最新の検証結果です。検証に合格しなかった表は書き込まれていません。",
                        "The latest report of each published table. A table that failed its independent check was not written."))
                .append("</p>\n<table>\n<tr>");
        for (String[] heading : new String[][] {{"テーブル", "Table"}, {"検証", "Check"}, {"モデル・パラメータ", "Model and parameters"},
                {"準識別子と一般化", "Quasi-identifiers and transformation"}, {"入力", "Rows in"}, {"公開", "Rows out"},
                {"削除", "Suppressed"}, {"同値類（最小）", "Classes (smallest)"}, {"情報損失", "Loss"},
                {"最大リスク", "Highest risk"}, {"実行方式", "Engine"}}) {
            html.append("<th>").append(HtmlText.bilingual(heading[0], heading[1])).append("</th>");
        }
        html.append("</tr>\n");
        for (Row report : latest) {
            html.append("<tr><td>").append(HtmlText.escape(report.getAs("table_name"))).append("</td><td class=\"status\">")
                    .append(verdict(report.<Boolean>getAs("verified"))).append("</td><td>")
                    .append(HtmlText.escape(report.<String>getAs("model"))).append("<br><code>")
                    .append(HtmlText.escape(report.<String>getAs("parameters"))).append("</code></td><td>")
                    .append(HtmlText.escape(report.<String>getAs("quasi_identifiers"))).append("<br>")
                    .append(HtmlText.escape(report.<String>getAs("transformation"))).append("</td>")
                    .append(number(report.<Long>getAs("rows_in"))).append(number(report.<Long>getAs("rows_out")))
                    .append(number(report.<Long>getAs("suppressed_rows")))
                    .append("<td class=\"number\">").append(String.format("%,d (%,d)", report.<Long>getAs("equivalence_classes"),
                            report.<Long>getAs("smallest_class"))).append("</td>")
                    .append(decimal(report, "information_loss")).append(decimal(report, "highest_prosecutor_risk"))
                    .append("<td>").append(HtmlText.escape(nullable(report, "engine"))).append("</td></tr>\n");
        }
        html.append("</table>\n").append(SitePage.footer());
        return html.toString();
    }

    private static String verdict(boolean verified) {
        if (verified) {
            return "<span class=\"achieved\">" + HtmlText.bilingual("合格（公開）", "passed, published") + "</span>";
        }
        return "<span class=\"off_track\">" + HtmlText.bilingual("不合格（公開せず）", "failed, not published") + "</span>";
    }

    private static String number(long value) {
        return "<td class=\"number\">" + String.format("%,d", value) + "</td>";
    }

    /** A figure the report may lack (an aggregate has no loss or risk): shown as a dash. */
    private static String decimal(Row report, String column) {
        int index = report.fieldIndex(column);
        return "<td class=\"number\">" + (report.isNullAt(index) ? "–" : String.format("%.4f", report.getDouble(index))) + "</td>";
    }

    private static String nullable(Row report, String column) {
        int index = report.fieldIndex(column);
        return report.isNullAt(index) ? "–" : report.getString(index);
    }
}
