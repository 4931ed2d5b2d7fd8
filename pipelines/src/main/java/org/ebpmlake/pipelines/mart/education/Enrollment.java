package org.ebpmlake.pipelines.mart.education;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Students enrolled per grade in each school, ward and the city, with one suppression pattern. Device use and
 * attendance publish the same enrolment every month, and mood starts from it, so one pattern serves them all: a
 * group hidden in one mart or month is hidden in every one.
 */
final class Enrollment {
    private final Map<String, AreaCell> cells;
    private final SuppressionPattern pattern;

    private Enrollment(Map<String, AreaCell> cells, SuppressionPattern pattern) {
        this.cells = Map.copyOf(cells);
        this.pattern = pattern;
    }

    static Enrollment count(EducationSql sql, CellSuppression suppression, int minimumGroup) {
        List<Row> groups = sql.collect("SELECT grade, " + AreaLevel.fromRollup() + " AS area_level, ward_code, school_code,"
                + " count(*) AS students FROM roster GROUP BY grade, ROLLUP(ward_code, school_code)"
                + " ORDER BY grade, area_level, ward_code, school_code");
        Map<String, AreaCell> cells = new java.util.LinkedHashMap<>();
        for (Row group : groups) {
            AreaCell cell = EducationSql.cell(group, Integer.toString(group.<Integer>getAs("grade")), "students");
            cells.put(cell.id(), cell);
        }
        ProtectedTable table = AreaTables.of("enrolment", List.copyOf(cells.values()), minimumGroup, 1, cell -> Optional.empty());
        return new Enrollment(cells, suppression.suppress(table));
    }

    /** The enrolled groups, grade by grade. */
    List<AreaCell> groups() {
        return List.copyOf(cells.values());
    }

    boolean isHidden(int grade, AreaLevel level, String areaCode) {
        return pattern.isSuppressed(AreaCell.id(Integer.toString(grade), level, areaCode));
    }

    /** The ids, in a table sliced by {@code prefix|grade}, of the groups hidden here. */
    Set<String> hiddenIn(String prefix, Set<String> idsOfThatTable) {
        Set<String> hidden = new java.util.TreeSet<>();
        for (String id : pattern.suppressed()) {
            String candidate = prefix + "|" + id;
            if (idsOfThatTable.contains(candidate)) {
                hidden.add(candidate);
            }
        }
        return hidden;
    }

    Map<String, Long> studentsById() {
        Map<String, Long> students = new HashMap<>();
        cells.forEach((id, cell) -> students.put(id, cell.count()));
        return students;
    }
}
