package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The site's quality page, {@code quality.html}, Japanese first: per dataset the latest delivered batch (file, time,
 * rows read / accepted / quarantined), the gate's verdict on it with the failed checks in plain Japanese (English
 * on the language button), a stale source, batches still blocked, and the history of the promoted batches only.
 * It reads {@code ops.batches} (the batch's current state is its row with the highest sequence),
 * {@code ops.quality_results} and {@code ops.quality_metrics}.
 */
public final class QualityPage {
    public static final TableName BATCHES = new TableName(Zone.OPS, "batches");
    public static final TableName RESULTS = new TableName(Zone.OPS, "quality_results");
    public static final TableName METRICS = new TableName(Zone.OPS, "quality_metrics");
    public static final String PAGE = "quality.html";
    private static final int HISTORY = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));
    private static final Map<String, String[]> STATUS = Map.of(
            "pending", new String[] {"検査待ち", "pending", "no_data"},
            "passed", new String[] {"合格", "passed", "achieved"},
            "promoted", new String[] {"合格・昇格済み", "passed, promoted", "achieved"},
            "blocked", new String[] {"停止中（対応が必要）", "blocked: a steward must act", "off_track"},
            "waived", new String[] {"例外として承認", "waived", "at_risk"},
            "withdrawn", new String[] {"取り下げ", "withdrawn", "no_data"},
            "superseded", new String[] {"訂正版で差し替え", "superseded", "no_data"});

    private final SparkSession spark;
    private final LakeSettings settings;

    public QualityPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes the page and returns its path. */
    public Path write() {
        List<Row> batches = spark.sql("SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dataset, batch_id"
                + " ORDER BY sequence DESC) AS _rank FROM " + BATCHES.in(settings.catalogName()) + ") WHERE _rank = 1").collectAsList();
        List<Row> failures = spark.sql("SELECT batch_id, check_level, check_name, message, message_ja FROM "
                + RESULTS.in(settings.catalogName()) + " WHERE status = 'failure' AND batch_id IS NOT NULL"
                + " ORDER BY check_level, check_name").collectAsList();
        List<Row> freshness = spark.sql("SELECT dataset, status, message, message_ja FROM (SELECT *, row_number() OVER"
                + " (PARTITION BY dataset ORDER BY checked_at DESC) AS _rank FROM " + RESULTS.in(settings.catalogName())
                + " WHERE batch_id IS NULL) WHERE _rank = 1").collectAsList();
        List<Row> totals = spark.sql("SELECT dataset, value FROM (SELECT *, row_number() OVER (PARTITION BY dataset"
                + " ORDER BY measured_at DESC) AS _rank FROM " + METRICS.in(settings.catalogName()) + " WHERE batch_id IS NULL"
                + " AND metric = 'Size' AND analyzer IS NOT NULL) WHERE _rank = 1").collectAsList();
        Path page = settings.siteDirectory().resolve(PAGE);
        PageFile.write(page, render(batches, failures, freshness, totals));
        return page;
    }

    static String render(List<Row> batches, List<Row> failures, List<Row> freshness, List<Row> totals) {
        Map<String, List<Row>> byDataset = batches.stream()
                .sorted(Comparator.comparing((Row row) -> row.<String>getAs("dataset")))
                .collect(Collectors.groupingBy(row -> row.<String>getAs("dataset"), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Row>> failuresByBatch = failures.stream()
                .collect(Collectors.groupingBy(row -> row.<String>getAs("batch_id")));
        Map<String, Row> freshnessByDataset = freshness.stream()
                .collect(Collectors.toMap(row -> row.<String>getAs("dataset"), row -> row, (first, second) -> first));
        Map<String, Double> totalRows = totals.stream()
                .collect(Collectors.toMap(row -> row.<String>getAs("dataset"), row -> row.<Double>getAs("value"), (first, second) -> first));
        StringBuilder html = new StringBuilder(SitePage.header("データ品質", "Data quality", ""));
        html.append("<h1>").append(HtmlText.bilingual("データ品質", "Data quality")).append("</h1>\n<p>")
                .append(HtmlText.bilingual("品質ゲートはバッチ（届いたファイル）ごとに検査します。停止中のバッチは、訂正版を届けるか、"
                        + "./lake quality waive（例外として承認）または ./lake quality withdraw（取り下げ）を理由を付けて実行するまで curated に入りません。",
                        "The quality gate checks each delivered batch (file). A blocked batch stays out of curated until a corrected"
                        + " delivery supersedes it, or a steward runs ./lake quality waive or ./lake quality withdraw with a reason."))
                .append("</p>\n<table>\n<tr><th>").append(HtmlText.bilingual("データセット", "Dataset")).append("</th><th>")
                .append(HtmlText.bilingual("最新のバッチ", "Latest batch")).append("</th><th>")
                .append(HtmlText.bilingual("判定と理由", "Verdict and why")).append("</th><th>")
                .append(HtmlText.bilingual("昇格済みバッチの履歴（直近" + HISTORY + "件）", "Promoted batches, last " + HISTORY))
                .append("</th></tr>\n");
        for (Map.Entry<String, List<Row>> dataset : byDataset.entrySet()) {
            List<Row> newestFirst = dataset.getValue().stream()
                    .sorted(Comparator.comparing((Row row) -> row.<Instant>getAs("delivered_at")).reversed()).toList();
            Row latest = newestFirst.get(0);
            html.append("<tr><td>").append(HtmlText.escape(dataset.getKey())).append("</td><td>");
            appendBatch(html, latest);
            html.append("</td><td>");
            appendVerdict(html, latest, failuresByBatch.getOrDefault(latest.<String>getAs("batch_id"), List.of()));
            for (Row older : newestFirst.subList(1, newestFirst.size())) {
                if ("blocked".equals(older.getAs("status"))) {
                    html.append("<br><span class=\"off_track\">").append(HtmlText.bilingual("停止中のバッチ：", "also blocked: "))
                            .append(HtmlText.escape(older.<String>getAs("batch_id") + " (" + older.getAs("source_file") + ")"))
                            .append("</span>");
                }
            }
            Optional.ofNullable(freshnessByDataset.get(dataset.getKey()))
                    .filter(finding -> "failure".equals(finding.getAs("status")))
                    .ifPresent(finding -> html.append("<br><span class=\"at_risk\">")
                            .append(HtmlText.bilingual("鮮度：" + text(finding, "message_ja", "message"), "Freshness: " + finding.getAs("message")))
                            .append("</span>"));
            html.append("</td><td>");
            appendHistory(html, newestFirst, Optional.ofNullable(totalRows.get(dataset.getKey())));
            html.append("</td></tr>\n");
        }
        html.append("</table>\n").append(SitePage.footer());
        return html.toString();
    }

    private static void appendBatch(StringBuilder html, Row batch) {
        html.append(HtmlText.escape(batch.<String>getAs("source_file"))).append("<br>")
                .append(HtmlText.escape(TIME.format(batch.<Instant>getAs("delivered_at")))).append("<br>")
                .append(HtmlText.bilingual(
                        String.format("読込 %,d ＝ 受入 %,d ＋ 隔離 %,d", batch.<Long>getAs("rows_read"), batch.<Long>getAs("rows_accepted"),
                                batch.<Long>getAs("rows_quarantined")),
                        String.format("read %,d = accepted %,d + quarantined %,d", batch.<Long>getAs("rows_read"),
                                batch.<Long>getAs("rows_accepted"), batch.<Long>getAs("rows_quarantined"))))
                .append("<br><small>").append(HtmlText.escape(batch.<String>getAs("batch_id"))).append("</small>");
    }

    private static void appendVerdict(StringBuilder html, Row batch, List<Row> failures) {
        String status = batch.getAs("status");
        String[] label = STATUS.getOrDefault(status, new String[] {status, status, "no_data"});
        html.append("<span class=\"status ").append(label[2]).append("\">").append(HtmlText.bilingual(label[0], label[1]))
                .append("</span>");
        for (Row failure : failures) {
            String level = failure.getAs("check_level");
            String levelJa = "error".equals(level) ? "不合格" : "警告";
            html.append("<br>").append(HtmlText.bilingual(levelJa + "：" + text(failure, "message_ja", "message"),
                    level + ": " + failure.getAs("check_name") + " — " + failure.getAs("message")));
        }
        if (List.of("waived", "withdrawn", "superseded").contains(status)) {
            html.append("<br>").append(HtmlText.bilingual(
                    "判断：" + batch.getAs("decided_by") + "「" + batch.getAs("reason") + "」",
                    "decided by " + batch.getAs("decided_by") + ": " + batch.getAs("reason")));
        }
    }

    private static void appendHistory(StringBuilder html, List<Row> newestFirst, Optional<Double> totalRows) {
        List<Row> promoted = newestFirst.stream().filter(row -> "promoted".equals(row.getAs("status"))).limit(HISTORY).toList();
        for (Row batch : promoted) {
            html.append(HtmlText.escape(TIME.format(batch.<Instant>getAs("delivered_at")) + " " + batch.getAs("source_file")
                    + String.format(" %,d", batch.<Long>getAs("rows_accepted")))).append("<br>");
        }
        if (promoted.isEmpty()) {
            html.append(HtmlText.bilingual("まだありません", "none yet")).append("<br>");
        }
        totalRows.ifPresent(rows -> html.append("<small>").append(HtmlText.bilingual(
                String.format("昇格済みバッチの合計 %,.0f 行", rows), String.format("%,.0f rows in all promoted batches", rows)))
                .append("</small>"));
    }

    /** The Japanese text of a finding, or its English one for a row written before Japanese was recorded. */
    private static String text(Row row, String japanese, String english) {
        return Optional.ofNullable(row.<String>getAs(japanese)).filter(value -> !value.isBlank())
                .orElse(row.<String>getAs(english));
    }
}
