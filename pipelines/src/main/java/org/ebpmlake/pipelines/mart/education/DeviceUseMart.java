package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code mart.education_device_use}: per month, grade and school, ward or city, the share of school days on which
 * enrolled students had any learning-log activity (student-days with a statement over students × school days).
 * School days are the days attendance was taken. Enrolment and its pattern come from {@link Enrollment}.
 */
final class DeviceUseMart {
    private final EducationSql sql;
    private final AreaNames names;

    DeviceUseMart(EducationSql sql, AreaNames names) {
        this.sql = sql;
        this.names = names;
    }

    BuiltMart build(Enrollment enrollment) {
        Map<String, Long> schoolDays = new HashMap<>();
        for (Row month : sql.collect("SELECT " + EducationSql.month("school_day") + " AS month, count(DISTINCT school_day) AS days"
                + " FROM ${curated}.attendance GROUP BY 1")) {
            schoolDays.put(month.getAs("month"), month.<Long>getAs("days"));
        }
        Map<String, Long> activeDays = new HashMap<>();
        for (Row group : sql.collect("SELECT month, grade, " + AreaLevel.fromRollup() + " AS area_level, ward_code, school_code,"
                + " sum(active_days) AS active_days FROM ("
                + "SELECT r.student, r.grade, r.ward_code, r.school_code, " + EducationSql.month("d.school_day") + " AS month,"
                + " count(a.student) AS active_days FROM roster r"
                + " CROSS JOIN (SELECT DISTINCT school_day FROM ${curated}.attendance) d"
                + " LEFT JOIN (SELECT DISTINCT student_id_pseudonym AS student, to_date(stated_at) AS day FROM ${curated}.learning_logs) a"
                + " ON a.student = r.student AND a.day = d.school_day"
                + " GROUP BY r.student, r.grade, r.ward_code, r.school_code, " + EducationSql.month("d.school_day") + ")"
                + " GROUP BY month, grade, ROLLUP(ward_code, school_code)")) {
            AreaCell cell = EducationSql.cell(group, group.<Integer>getAs("grade").toString(), "active_days");
            activeDays.put(group.<String>getAs("month") + "|" + cell.id(), cell.count());
        }
        List<Row> rows = new ArrayList<>();
        for (String month : schoolDays.keySet().stream().sorted().toList()) {
            long days = schoolDays.get(month);
            for (AreaCell group : enrollment.groups()) {
                int grade = Integer.parseInt(group.slice());
                boolean hidden = enrollment.isHidden(grade, group.level(), group.areaCode());
                long active = activeDays.getOrDefault(month + "|" + group.id(), 0L);
                rows.add(RowFactory.create(EducationMonths.fiscalYear(month), month, grade, group.level().code(), group.areaCode(),
                        group.wardCode(), names.wardJapanese(group), names.wardEnglish(group), names.japanese(group), names.english(group), hidden, hidden ? null : group.count(), days,
                        hidden ? null : ScoresMart.rounded(100.0 * active / (group.count() * days))));
            }
        }
        return new BuiltMart(EducationTables.DEVICE_USE, rows);
    }
}
