package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * One school's early-warning view (心の天気・出欠・保健室の来室, for いじめ・不登校の早期発見), written only on request
 * ({@code ./lake dashboards school <code>}) into {@code schools/<code>/index.html}: the students of that school
 * whom the declared rule lists, by the school's own pseudonymous key, with the signals that crossed. It is not part of
 * the public site (no page links to it), and its folder and file are readable by their owner only.
 */
public final class SchoolEarlyWarningPage {
    public static final String FOLDER = "schools";
    private static final TableName EARLY_WARNING = new TableName(Zone.CURATED, "early_warning");

    private final SparkSession spark;
    private final LakeSettings settings;

    public SchoolEarlyWarningPage(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public Path write(String schoolCode) {
        requireNonNull(schoolCode, "schoolCode is null");
        String catalog = settings.catalogName();
        boolean known = schoolCode.matches("[A-Z0-9]{13}") && spark.table(new TableName(Zone.CURATED, "schools").in(catalog))
                .where(functions.col("school_code").equalTo(schoolCode)).count() > 0;
        if (!known) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "学校コード '" + schoolCode + "' はありません / unknown school code '"
                    + schoolCode + "': give a 13-character code of curated.schools (./lake sql --as steward \"SELECT school_code,"
                    + " school_name FROM curated.schools\")");
        }
        List<Row> students = spark.table(EARLY_WARNING.in(catalog)).where(functions.col("school_code").equalTo(schoolCode))
                .orderBy("grade", "class_name", "student_key").collectAsList();
        Path folder = settings.siteDirectory().resolve(FOLDER).resolve(schoolCode);
        Path page = folder.resolve("index.html");
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(settings.siteDirectory().resolve(FOLDER), PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            PageFile.write(page, render(schoolCode, students));
            Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the early-warning view " + page, e);
        }
        return page;
    }

    static String render(String schoolCode, List<Row> students) {
        StringBuilder html = new StringBuilder(SitePage.header("見守り対象（" + schoolCode + "）", "Early warning (" + schoolCode + ")", "../../"));
        html.append("<h1>").append(HtmlText.bilingual("見守りが必要な児童生徒（早期発見）", "Students to look after (early warning)"))
                .append("</h1>\n<p class=\"lead\">").append(HtmlText.escape(schoolCode)).append("</p>\n<p class=\"sample-banner\" role=\"note\">")
                .append(HtmlText.bilingual("この学校の職員だけが見るページです。公開サイトからはリンクしていません。児童生徒は学校ごとの仮名キーで示します。",
                        "For this school's staff only; the public site does not link here. Students are shown by the school's own pseudonymous key."))
                .append("</p>\n");
        if (students.isEmpty()) {
            html.append("<p>").append(HtmlText.bilingual("判定ルールに該当する児童生徒はいません。", "No student crosses the rule.")).append("</p>\n");
            return html.append(SitePage.footer()).toString();
        }
        html.append("<p>").append(HtmlText.bilingual("判定日 ", "As of ")).append(HtmlText.escape(String.valueOf(students.get(0).<Object>getAs("as_of"))))
                .append(" · ").append(HtmlText.bilingual("ルール：", "Rule: ")).append("<code>")
                .append(HtmlText.escape(students.get(0).getAs("rule"))).append("</code></p>\n");
        html.append("<div class=\"table-wrap\"><table class=\"data\"><caption>").append(HtmlText.bilingual("該当者", "Students listed"))
                .append("</caption><thead><tr>");
        for (String[] heading : new String[][] {{"仮名キー", "Key"}, {"学年", "Grade"}, {"学級", "Class"}, {"雨・かみなりの日", "Low-mood days"},
                {"欠席日数", "Days absent"}, {"保健室来室", "Nurse visits"}, {"該当したシグナル", "Signals"}}) {
            html.append("<th scope=\"col\">").append(HtmlText.bilingual(heading[0], heading[1])).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (Row student : students) {
            html.append("<tr><td><code>").append(HtmlText.escape(student.getAs("student_key"))).append("</code></td><td class=\"number\">")
                    .append(student.<Integer>getAs("grade")).append("</td><td>").append(HtmlText.escape(student.getAs("class_name")))
                    .append("</td><td class=\"number\">").append(student.<Long>getAs("low_mood_days")).append("</td><td class=\"number\">")
                    .append(student.<Long>getAs("absent_days")).append("</td><td class=\"number\">").append(student.<Long>getAs("nurse_visits"))
                    .append("</td><td>").append(HtmlText.escape(student.getAs("signals"))).append("</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
        return html.append(SitePage.footer()).toString();
    }
}
