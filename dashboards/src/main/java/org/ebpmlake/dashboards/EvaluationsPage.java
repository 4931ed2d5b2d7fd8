package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The site's policy-evaluation page, {@code evaluations.html}, Japanese first: per evaluation of {@code mart.evaluations}
 * the question, the estimated effect with its interval and a plain reading of it, the pre-trend test, the event-study
 * plot and table ({@code mart.evaluation_periods}), and what was estimated on (table, snapshot, run), so a reader can
 * reproduce it with {@code VERSION AS OF}.
 */
public final class EvaluationsPage {
    public static final TableName EVALUATIONS = new TableName(Zone.MART, "evaluations");
    public static final TableName PERIODS = new TableName(Zone.MART, "evaluation_periods");
    public static final String PAGE = "evaluations.html";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    /** One evaluation as the page shows it. */
    record Evaluation(Row summary, List<Row> periods) {
        Evaluation {
            requireNonNull(summary, "summary is null");
            periods = List.copyOf(requireNonNull(periods, "periods is null"));
        }
    }

    private final SparkSession spark;
    private final LakeSettings settings;

    public EvaluationsPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes the page and returns its path. */
    public Path write() {
        List<Row> summaries = spark.table(EVALUATIONS.in(settings.catalogName())).orderBy("evaluation_id").collectAsList();
        List<Row> periods = spark.table(PERIODS.in(settings.catalogName())).orderBy("evaluation_id", "period_start").collectAsList();
        List<Evaluation> evaluations = summaries.stream().map(summary -> new Evaluation(summary, periods.stream()
                .filter(period -> period.<String>getAs("evaluation_id").equals(summary.<String>getAs("evaluation_id"))).toList())).toList();
        Path page = settings.siteDirectory().resolve(PAGE);
        PageFile.write(page, render(evaluations));
        return page;
    }

    static String render(List<Evaluation> evaluations) {
        StringBuilder html = new StringBuilder(SitePage.header("政策効果の評価", "Policy evaluations", ""));
        html.append("<h1>").append(HtmlText.bilingual("政策効果の評価（差の差分析）", "Policy evaluations (difference-in-differences)"))
                .append("</h1>\n<p>").append(HtmlText.bilingual(
                        "施策の対象（処置群）の変化から、対象外（比較群）の同じ期間の変化を差し引いて効果を推定します。"
                                + "季節や景気など両群に共通の変化は差し引かれます。前提は「施策がなければ両群は平行に推移した」ことで、"
                                + "介入前の期間の推定値が0に近いこと（事前トレンド検定）で確かめます。区間は観測単位ごとのクラスター頑健標準誤差による95%信頼区間です。",
                        "The effect is the treated units' change minus the comparison units' change over the same periods, so changes "
                                + "common to both (season, economy) cancel out. It assumes both groups would have moved in parallel "
                                + "without the policy, which the periods before the intervention test (pre-trend). Intervals are 95 % "
                                + "confidence intervals with standard errors clustered by unit."))
                .append("</p>\n");
        if (evaluations.isEmpty()) {
            html.append("<p>").append(HtmlText.bilingual("評価結果はまだありません（./lake evaluate で作成）。",
                    "No evaluation yet (./lake evaluate makes them).")).append("</p>\n");
        }
        for (Evaluation evaluation : evaluations) {
            section(html, evaluation);
        }
        return html.append(SitePage.footer()).toString();
    }

    private static void section(StringBuilder html, Evaluation evaluation) {
        Row summary = evaluation.summary();
        String id = summary.getAs("evaluation_id");
        String titleJa = summary.getAs("title_ja");
        String titleEn = summary.getAs("title_en");
        boolean log = "log".equals(summary.getAs("transform"));
        double estimate = summary.getAs("estimate");
        double low = summary.getAs("ci_low");
        double high = summary.getAs("ci_high");
        html.append("<section class=\"evaluation\" id=\"").append(HtmlText.escape(id)).append("\">\n<h2>")
                .append(HtmlText.bilingual(titleJa, titleEn)).append("</h2>\n");
        html.append("<p class=\"headline\"><span class=\"").append(low > 0 || high < 0 ? "achieved" : "no_data").append("\">")
                .append(HtmlText.bilingual(verdictJa(low, high), verdictEn(low, high))).append("</span> ")
                .append(HtmlText.bilingual("効果の推定値 ", "estimated effect "))
                .append("<strong>").append(NumberText.signed(estimate)).append("</strong>")
                .append(String.format(Locale.ROOT, "（%d%% %s [%s, %s]）", Math.round(summary.<Double>getAs("confidence") * 100),
                        HtmlText.bilingual("信頼区間", "CI"), NumberText.signed(low), NumberText.signed(high)));
        if (log) {
            html.append(" ").append(HtmlText.bilingual("＝ 変化率 ", "= a change of ")).append(percent(Math.expm1(estimate)))
                    .append(" [").append(percent(Math.expm1(low))).append(", ").append(percent(Math.expm1(high))).append("]");
        }
        html.append("</p>\n<dl class=\"evaluation-facts\">\n");
        fact(html, "指標", "Metric", summary.<String>getAs("source_table") + " の " + summary.<String>getAs("metric")
                + (log ? "（対数 / log）" : "") + "・" + summary.<String>getAs("unit_column") + " × " + summary.<String>getAs("period"));
        fact(html, "介入日", "Intervention", summary.<LocalDate>getAs("intervention_date").toString());
        fact(html, "処置群・比較群", "Treated, comparison", String.format("%d・%d（%d 期間、%d 観測 / %d periods, %d observations）",
                summary.<Integer>getAs("treated_units"), summary.<Integer>getAs("comparison_units"), summary.<Integer>getAs("periods"),
                summary.<Integer>getAs("observations"), summary.<Integer>getAs("periods"), summary.<Integer>getAs("observations")));
        Double pretrend = summary.getAs("pretrend_p");
        html.append("<dt>").append(HtmlText.bilingual("事前トレンド検定", "Pre-trend test")).append("</dt><dd>");
        if (pretrend == null) {
            html.append(HtmlText.bilingual("介入前が1期間のみのため検定なし", "not testable: a single period before the intervention"));
        } else if (pretrend < 0.05) {
            html.append("<span class=\"off_track\">p = ").append(String.format(Locale.ROOT, "%.3f", pretrend)).append(" ")
                    .append(HtmlText.bilingual("介入前から差が広がっており、平行トレンドの前提が疑わしい", "the groups drifted apart before the "
                            + "intervention: parallel trends is doubtful")).append("</span>");
        } else {
            html.append("p = ").append(String.format(Locale.ROOT, "%.3f", pretrend)).append(" ")
                    .append(HtmlText.bilingual("介入前の差の変化は見られない（前提と矛盾しない）", "no drift before the intervention (consistent with parallel trends)"));
        }
        html.append("</dd>\n");
        fact(html, "方法", "Method", summary.getAs("method"));
        fact(html, "データ", "Data", summary.<String>getAs("source_table") + " VERSION AS OF " + summary.<Long>getAs("snapshot_id")
                + " · " + summary.<String>getAs("run_id") + " · " + TIME.format(summary.<Instant>getAs("evaluated_at")));
        html.append("</dl>\n");
        List<EventStudyChart.Point> points = evaluation.periods().stream().map(period -> new EventStudyChart.Point(
                period.getAs("period_label"), period.<Integer>getAs("relative_period"), period.<Double>getAs("effect"),
                period.getAs("ci_low"), period.getAs("ci_high"))).toList();
        html.append("<figure>\n").append(EventStudyChart.svg(points, titleJa, titleEn)).append("<figcaption>")
                .append(HtmlText.bilingual("期間ごとの処置群と比較群の差（介入直前の期間を0とする）と95%信頼区間。破線が介入。",
                        "Treated-minus-comparison difference per period against the last period before the intervention (0), with "
                                + "95 % intervals; the dashed line is the intervention."))
                .append("</figcaption>\n</figure>\n");
        html.append("<table class=\"data\">\n<tr>");
        for (String[] heading : new String[][] {{"期間", "Period"}, {"介入から", "Since intervention"}, {"差（基準期比）", "Difference vs reference"},
                {"信頼区間", "Interval"}, {"処置群の平均", "Treated mean"}, {"比較群の平均", "Comparison mean"}}) {
            html.append("<th>").append(HtmlText.bilingual(heading[0], heading[1])).append("</th>");
        }
        html.append("</tr>\n");
        for (Row period : evaluation.periods()) {
            Double periodLow = period.getAs("ci_low");
            Double periodHigh = period.getAs("ci_high");
            html.append("<tr><td>").append(HtmlText.escape(period.getAs("period_label"))).append("</td><td class=\"number\">")
                    .append(period.<Integer>getAs("relative_period")).append("</td><td class=\"number\">")
                    .append(NumberText.signed(period.<Double>getAs("effect"))).append("</td><td class=\"number\">")
                    .append(periodLow == null ? HtmlText.bilingual("基準", "reference")
                            : "[" + NumberText.signed(periodLow) + ", " + NumberText.signed(periodHigh) + "]")
                    .append("</td><td class=\"number\">").append(decimal(period.getAs("treated_mean")))
                    .append("</td><td class=\"number\">").append(decimal(period.getAs("comparison_mean"))).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static String verdictJa(double low, double high) {
        if (low > 0) {
            return "効果あり（増加）";
        }
        if (high < 0) {
            return "効果あり（減少）";
        }
        return "効果は確認できず";
    }

    private static String verdictEn(double low, double high) {
        if (low > 0) {
            return "an effect: an increase";
        }
        if (high < 0) {
            return "an effect: a decrease";
        }
        return "no effect shown";
    }

    private static void fact(StringBuilder html, String ja, String en, String value) {
        html.append("<dt>").append(HtmlText.bilingual(ja, en)).append("</dt><dd>").append(HtmlText.escape(value)).append("</dd>\n");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String decimal(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }
}
