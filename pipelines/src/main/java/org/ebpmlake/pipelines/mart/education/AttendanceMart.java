package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code mart.education_attendance}: per month, grade and school, ward or city, enrolment, the absence rate (days
 * absent over the student-days recorded) and the number of students absent 30 days or more since the fiscal year
 * began (the 不登校 threshold). That number is itself a count of students, so it gets a pattern of its own: 1 to
 * 9 is hidden, 0 is shown.
 */
final class AttendanceMart {
    private final EducationSql sql;
    private final AreaNames names;
    private final CellSuppression suppression;
    private final int minimumGroup;

    AttendanceMart(EducationSql sql, AreaNames names, CellSuppression suppression, int minimumGroup) {
        this.sql = sql;
        this.names = names;
        this.suppression = suppression;
        this.minimumGroup = minimumGroup;
    }

    BuiltMart build(Enrollment enrollment) {
        Map<String, Row> byId = new HashMap<>();
        List<String> months = new ArrayList<>();
        for (Row group : sql.collect("SELECT month, grade, " + AreaLevel.fromRollup() + " AS area_level, ward_code, school_code,"
                + " sum(recorded_days) AS recorded_days, sum(absent_days) AS absent_days, count_if(absent_so_far >= 30) AS absent_30_plus"
                + " FROM (SELECT c.*, r.grade, r.ward_code, r.school_code FROM ("
                + "SELECT student, month, recorded_days, absent_days,"
                + " sum(absent_days) OVER (PARTITION BY student, fiscal_year ORDER BY month) AS absent_so_far FROM ("
                + "SELECT student_id_pseudonym AS student, " + EducationSql.month("school_day") + " AS month,"
                + " CASE WHEN month(school_day) >= 4 THEN year(school_day) ELSE year(school_day) - 1 END AS fiscal_year,"
                + " count(*) AS recorded_days, count_if(status = 'absent') AS absent_days FROM ${curated}.attendance"
                + " GROUP BY 1, 2, 3)) c JOIN roster r ON r.student = c.student)"
                + " GROUP BY month, grade, ROLLUP(ward_code, school_code)")) {
            String month = group.getAs("month");
            AreaCell cell = EducationSql.cell(group, group.<Integer>getAs("grade").toString(), "absent_30_plus");
            byId.put(month + "|" + cell.id(), group);
            if (!months.contains(month)) {
                months.add(month);
            }
        }
        months.sort(String::compareTo);
        List<AreaCell> absentCells = new ArrayList<>();
        for (String month : months) {
            for (AreaCell group : enrollment.groups()) {
                Row counted = byId.get(month + "|" + group.id());
                long absent = counted == null ? 0 : counted.<Long>getAs("absent_30_plus");
                absentCells.add(new AreaCell(month + "|" + group.slice(), group.level(), group.wardCode(), group.schoolCode(), absent));
            }
        }
        ProtectedTable absentTable = AreaTables.of(EducationTables.ATTENDANCE + " students_absent_30_plus", absentCells, minimumGroup, 0,
                cell -> Optional.empty());
        // Its own pattern: a count of 0 or of 10 or more absentees says nothing about a hidden enrolment but a lower bound.
        SuppressionPattern absentPattern = suppression.suppress(absentTable);
        List<Row> rows = new ArrayList<>();
        for (AreaCell absentCell : absentCells) {
            String month = absentCell.slice().substring(0, 7);
            int grade = Integer.parseInt(absentCell.slice().substring(8));
            AreaCell group = new AreaCell(Integer.toString(grade), absentCell.level(), absentCell.wardCode(), absentCell.schoolCode(),
                    enrollment.studentsById().get(AreaCell.id(Integer.toString(grade), absentCell.level(), absentCell.areaCode())));
            boolean hidden = enrollment.isHidden(grade, group.level(), group.areaCode());
            boolean absentHidden = absentPattern.isSuppressed(absentCell.id());
            Row counted = byId.get(month + "|" + group.id());
            Double absenceRate = counted == null || counted.<Long>getAs("recorded_days") == 0 ? null
                    : ScoresMart.rounded(100.0 * counted.<Long>getAs("absent_days") / counted.<Long>getAs("recorded_days"));
            rows.add(RowFactory.create(EducationMonths.fiscalYear(month), month, grade, group.level().code(), group.areaCode(),
                    group.wardCode(), names.wardJapanese(group), names.wardEnglish(group), names.japanese(group), names.english(group), hidden, hidden ? null : group.count(),
                    hidden ? null : absenceRate, absentHidden, absentHidden ? null : absentCell.count()));
        }
        return new BuiltMart(EducationTables.ATTENDANCE, rows);
    }
}
