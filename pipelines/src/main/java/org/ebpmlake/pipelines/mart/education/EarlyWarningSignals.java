package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;

/**
 * {@code curated.early_warning}: for いじめ・不登校の早期発見, the students whose mood check-ins, absences and nurse
 * visits together cross the declared {@link EarlyWarningRule} as of a day. A student appears only under the school's
 * own pseudonymous key (a hash of the school code and the curated pseudonym), which joins with no other school's
 * rows and no other table. The table stays in the curated zone: no planner, school-board or DX-office role reads it,
 * and a {@code school_staff} user reads only their own school's rows, through Trino's row filter.
 */
public final class EarlyWarningSignals {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final LocalDate asOf;

    public EarlyWarningSignals(SparkSession spark, LakeSettings settings, LocalDate asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    public StageOutput build() {
        EarlyWarningRule rule = EarlyWarningRule.read(Path.of(settings.option("lake.education.early-warning-rule")
                .orElseThrow(() -> new IllegalStateException("lake.education.early-warning-rule is not set"))));
        String from = "DATE '" + asOf.minusDays(rule.windowDays() - 1L) + "'";
        String to = "DATE '" + asOf + "'";
        String moods = String.join(", ", rule.mood().codes().stream().map(code -> "'" + code + "'").toList());
        String flags = "filter(array(CASE WHEN low_mood_days >= " + rule.mood().atLeastDays() + " THEN 'mood' END,"
                + " CASE WHEN absent_days >= " + rule.absence().atLeastDays() + " THEN 'absence' END,"
                + " CASE WHEN nurse_visits >= " + rule.nurse().atLeastVisits() + " THEN 'nurse' END), flag -> flag IS NOT NULL)";
        String curated = settings.catalogName() + ".curated";
        Dataset<Row> listed = spark.sql("SELECT school_code, student_key, grade, class_name, " + to + " AS as_of, low_mood_days,"
                + " absent_days, nurse_visits, concat_ws(',', flags) AS signals, '" + rule.describe().replace("'", "''") + "' AS rule FROM ("
                + "SELECT *, " + flags + " AS flags FROM (SELECT s.school_code, substr(sha2(concat('school:', s.school_code, ':', s.student_id_pseudonym), 256), 1, 16) AS student_key,"
                + " s.grade, s.class_name, coalesce(m.days, 0) AS low_mood_days, coalesce(a.days, 0) AS absent_days,"
                + " coalesce(n.visits, 0) AS nurse_visits FROM " + curated + ".students s"
                + " LEFT JOIN (SELECT student_id_pseudonym, count(DISTINCT checked_on) AS days FROM " + curated + ".mood_checkins"
                + " WHERE mood IN (" + moods + ") AND checked_on BETWEEN " + from + " AND " + to + " GROUP BY 1) m"
                + " ON m.student_id_pseudonym = s.student_id_pseudonym"
                + " LEFT JOIN (SELECT student_id_pseudonym, count(DISTINCT school_day) AS days FROM " + curated + ".attendance"
                + " WHERE status = 'absent' AND school_day BETWEEN " + from + " AND " + to + " GROUP BY 1) a"
                + " ON a.student_id_pseudonym = s.student_id_pseudonym"
                + " LEFT JOIN (SELECT student_id_pseudonym, count(*) AS visits FROM " + curated + ".nurse_visits"
                + " WHERE to_date(visited_at) BETWEEN " + from + " AND " + to + " GROUP BY 1) n"
                + " ON n.student_id_pseudonym = s.student_id_pseudonym))"
                + " WHERE size(flags) >= " + rule.signalsRequired());
        String table = EducationTables.EARLY_WARNING.in(settings.catalogName());
        TableWrites.replaceAll(listed, table);
        long students = spark.table(table).count();
        return StageOutput.succeeded(spark.table(settings.catalogName() + ".curated.students").count(), students,
                students + " students listed for their schools under " + rule.describe());
    }
}
