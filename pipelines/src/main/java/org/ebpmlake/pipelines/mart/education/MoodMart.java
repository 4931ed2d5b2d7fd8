package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code mart.education_mood}: per month, grade and school, ward or city, how many students checked in to 心の天気
 * and the share of check-ins at each mood (sunny, cloudy, rainy, stormy as the reference list declares them). The
 * group count is protected like enrolment, starting from the enrolment's hidden groups.
 */
final class MoodMart {
    private final EducationSql sql;
    private final AreaNames names;
    private final CellSuppression suppression;
    private final int minimumGroup;

    MoodMart(EducationSql sql, AreaNames names, CellSuppression suppression, int minimumGroup) {
        this.sql = sql;
        this.names = names;
        this.suppression = suppression;
        this.minimumGroup = minimumGroup;
    }

    BuiltMart build(Enrollment enrollment) {
        List<Row> groups = sql.collect("SELECT month, grade, " + AreaLevel.fromRollup() + " AS area_level, ward_code, school_code,"
                + " count(DISTINCT student) AS students, count(*) AS check_ins, count_if(mood = 'sunny') AS sunny,"
                + " count_if(mood = 'cloudy') AS cloudy, count_if(mood = 'rainy') AS rainy, count_if(mood = 'stormy') AS stormy"
                + " FROM (SELECT m.student_id_pseudonym AS student, " + EducationSql.month("m.checked_on") + " AS month, m.mood,"
                + " r.grade, r.ward_code, r.school_code FROM ${curated}.mood_checkins m JOIN roster r ON r.student = m.student_id_pseudonym)"
                + " GROUP BY month, grade, ROLLUP(ward_code, school_code) ORDER BY month, grade, area_level, ward_code, school_code");
        List<AreaCell> cells = groups.stream()
                .map(row -> EducationSql.cell(row, row.<String>getAs("month") + "|" + row.<Integer>getAs("grade"), "students")).toList();
        ProtectedTable table = AreaTables.of(EducationTables.MOOD.toString(), cells, minimumGroup, 1, cell -> Optional.empty());
        Set<String> alreadyHidden = new java.util.TreeSet<>();
        for (Row month : groups) {
            alreadyHidden.addAll(enrollment.hiddenIn(month.getAs("month"), table.cells().keySet()));
        }
        SuppressionPattern pattern = suppression.suppress(table, Set.of(), alreadyHidden);
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < groups.size(); index++) {
            Row group = groups.get(index);
            AreaCell cell = cells.get(index);
            boolean hidden = pattern.isSuppressed(cell.id());
            long checkIns = group.getAs("check_ins");
            String month = group.getAs("month");
            rows.add(RowFactory.create(EducationMonths.fiscalYear(month), month, group.<Integer>getAs("grade"), cell.level().code(),
                    cell.areaCode(), cell.wardCode(), names.wardJapanese(cell), names.wardEnglish(cell), names.japanese(cell), names.english(cell), hidden, hidden ? null : cell.count(),
                    hidden ? null : ScoresMart.share(group, "sunny", checkIns), hidden ? null : ScoresMart.share(group, "cloudy", checkIns),
                    hidden ? null : ScoresMart.share(group, "rainy", checkIns), hidden ? null : ScoresMart.share(group, "stormy", checkIns)));
        }
        return new BuiltMart(EducationTables.MOOD, rows);
    }
}
