package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code mart.education_scores}: the city's achievement test per fiscal year, subject and grade (the grade the
 * student was in that year), for every school, ward and the city: students tested, mean, quartiles and the share
 * at each level (A 80+, B 60–79, C 40–59, D under 40). A group is hidden in every subject of its year if it is
 * hidden in one, so subjects cannot be played against each other.
 */
final class ScoresMart {
    private final EducationSql sql;
    private final AreaNames names;
    private final CellSuppression suppression;
    private final int minimumGroup;

    ScoresMart(EducationSql sql, AreaNames names, CellSuppression suppression, int minimumGroup) {
        this.sql = sql;
        this.names = names;
        this.suppression = suppression;
        this.minimumGroup = minimumGroup;
    }

    BuiltMart build(int fiscalYear) {
        List<Row> groups = sql.collect("SELECT fiscal_year, subject, grade, " + AreaLevel.fromRollup() + " AS area_level, ward_code,"
                + " school_code, count(*) AS students_tested, avg(score) AS mean_score,"
                + " percentile_approx(score, array(0.25, 0.5, 0.75), 10000) AS quartiles, count_if(score >= 80) AS level_a,"
                + " count_if(score >= 60 AND score < 80) AS level_b, count_if(score >= 40 AND score < 60) AS level_c,"
                + " count_if(score < 40) AS level_d"
                + " FROM (SELECT t.school_year AS fiscal_year, t.subject, t.score, r.grade - (" + fiscalYear + " - t.school_year) AS grade,"
                + " r.ward_code, r.school_code FROM ${curated}.test_scores t JOIN roster r ON r.student = t.student_id_pseudonym)"
                + " GROUP BY fiscal_year, subject, grade, ROLLUP(ward_code, school_code)"
                + " ORDER BY fiscal_year, subject, grade, area_level, ward_code, school_code");
        List<AreaCell> cells = groups.stream().map(row -> EducationSql.cell(row, slice(row), "students_tested")).toList();
        ProtectedTable table = AreaTables.of(EducationTables.SCORES.toString(), cells, minimumGroup, 1,
                cell -> Optional.of(cell.slice().replaceFirst("\\|[^|]*\\|", "|") + "|" + cell.level().code() + "|" + cell.areaCode()));
        SuppressionPattern pattern = suppression.suppress(table);
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < groups.size(); index++) {
            Row group = groups.get(index);
            AreaCell cell = cells.get(index);
            boolean hidden = pattern.isSuppressed(cell.id());
            long tested = group.getAs("students_tested");
            // Quartiles are the nearest observed score rather than interpolated: as informative for whole-number scores, and far cheaper.
            List<Integer> quartiles = group.getList(group.fieldIndex("quartiles"));
            rows.add(RowFactory.create(group.<Integer>getAs("fiscal_year"), group.<String>getAs("subject"), group.<Integer>getAs("grade"),
                    cell.level().code(), cell.areaCode(), cell.wardCode(), names.wardJapanese(cell), names.wardEnglish(cell), names.japanese(cell), names.english(cell), hidden,
                    hidden ? null : tested,
                    hidden ? null : rounded(group.<Double>getAs("mean_score")),
                    hidden ? null : rounded(quartiles.get(0)), hidden ? null : rounded(quartiles.get(1)),
                    hidden ? null : rounded(quartiles.get(2)),
                    hidden ? null : share(group, "level_a", tested), hidden ? null : share(group, "level_b", tested),
                    hidden ? null : share(group, "level_c", tested), hidden ? null : share(group, "level_d", tested)));
        }
        return new BuiltMart(EducationTables.SCORES, rows);
    }

    private static String slice(Row row) {
        return row.<Integer>getAs("fiscal_year") + "|" + row.<String>getAs("subject") + "|" + row.<Integer>getAs("grade");
    }

    static Double share(Row row, String column, long total) {
        return rounded(100.0 * row.<Long>getAs(column) / total);
    }

    /** Published figures carry one decimal: enough to read, and no more precision than a reader needs. */
    static Double rounded(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
