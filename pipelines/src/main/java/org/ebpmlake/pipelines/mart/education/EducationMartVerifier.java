package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.schemas.TableName;

/**
 * Checks the education marts before anything is written, independently of the code that built them: it re-derives
 * every protected count from the curated tables with its own queries (one per area level, no ROLLUP), and then for
 * each mart checks that every group is there, every shown count equals the re-derived one and is 0 or at least the
 * minimum group, every hidden row shows no figure at all, and no hidden count can be narrowed down from the
 * published margins to a range narrower than the minimum group (a linear program per hidden cell). Across slices
 * and marts it checks that one group (the same grade of the same school, counted alike) is hidden everywhere or
 * nowhere. Which hidden cells were small (primary) is recomputed here from the re-derived counts.
 */
public final class EducationMartVerifier {
    private final SparkSession spark;
    private final String curated;
    private final int minimumGroup;
    private final int fiscalYear;
    private final FeasibleRanges ranges = new FeasibleRanges();

    public EducationMartVerifier(SparkSession spark, String catalog, int minimumGroup, int fiscalYear) {
        this.spark = requireNonNull(spark, "spark is null");
        this.curated = requireNonNull(catalog, "catalog is null") + ".curated";
        this.minimumGroup = minimumGroup;
        this.fiscalYear = fiscalYear;
    }

    /** One verdict per mart, in the order given. */
    List<MartVerdict> verify(List<BuiltMart> marts) {
        Map<TableName, List<Row>> rows = new LinkedHashMap<>();
        marts.forEach(mart -> rows.put(mart.table(), mart.rows()));
        List<MartVerdict> verdicts = new ArrayList<>();
        for (Map.Entry<TableName, List<Row>> mart : rows.entrySet()) {
            verdicts.add(verify(mart.getKey(), mart.getValue(), rows));
        }
        return verdicts;
    }

    private MartVerdict verify(TableName table, List<Row> published, Map<TableName, List<Row>> all) {
        if (table.equals(EducationTables.SCORES)) {
            Map<String, Long> derived = areaCounts("SELECT concat_ws('|', t.school_year, t.subject, r.grade - (" + fiscalYear
                    + " - t.school_year)) AS slice, r.ward_code, r.school_code, 1 AS counted FROM ${curated}.test_scores t"
                    + " JOIN roster r ON r.student = t.student_id_pseudonym");
            Check check = new Check(table, derived, published, row -> areaId(row, "fiscal_year", "subject", "grade"),
                    "students_tested", "suppressed", List.of("mean_score", "score_q1", "score_median", "score_q3", "share_level_a"), 1);
            check.sameGroupAgreesAcross(published, row -> row.get(row.fieldIndex("fiscal_year")) + "|" + row.get(row.fieldIndex("grade"))
                    + "|" + row.getAs("area_level") + "|" + row.getAs("area_code"));
            return check.verdict(true);
        }
        if (table.equals(EducationTables.DEVICE_USE) || table.equals(EducationTables.ATTENDANCE)) {
            Map<String, Long> derived = areaCounts("SELECT concat_ws('|', m.month, r.grade) AS slice, r.ward_code, r.school_code,"
                    + " 1 AS counted FROM roster r CROSS JOIN (SELECT DISTINCT date_format(school_day, 'yyyy-MM') AS month"
                    + " FROM ${curated}.attendance) m");
            Check check = new Check(table, derived, published, row -> areaId(row, "month", "grade"), "students", "suppressed",
                    List.of(table.equals(EducationTables.DEVICE_USE) ? "active_day_share" : "absence_rate"), 1);
            List<Row> enrolment = new ArrayList<>(all.getOrDefault(EducationTables.DEVICE_USE, List.of()));
            enrolment.addAll(all.getOrDefault(EducationTables.ATTENDANCE, List.of()));
            check.sameGroupAgreesAcross(enrolment, row -> row.get(row.fieldIndex("grade")) + "|" + row.getAs("area_level") + "|"
                    + row.getAs("area_code"));
            if (table.equals(EducationTables.ATTENDANCE)) {
                Map<String, Long> absent = areaCounts("SELECT concat_ws('|', month, grade) AS slice, ward_code, school_code,"
                        + " CASE WHEN absent_so_far >= 30 THEN 1 ELSE 0 END AS counted FROM (SELECT a.month, r.grade, r.ward_code,"
                        + " r.school_code, sum(a.absent) OVER (PARTITION BY a.student, a.fiscal_year ORDER BY a.month) AS absent_so_far"
                        + " FROM (SELECT student_id_pseudonym AS student, date_format(school_day, 'yyyy-MM') AS month,"
                        + " CASE WHEN month(school_day) < 4 THEN year(school_day) - 1 ELSE year(school_day) END AS fiscal_year,"
                        + " sum(CASE WHEN status = 'absent' THEN 1 ELSE 0 END) AS absent FROM ${curated}.attendance GROUP BY 1, 2, 3) a"
                        + " JOIN roster r ON r.student = a.student)");
                Check absentCheck = new Check(table, withZeros(absent, derived), published, row -> areaId(row, "month", "grade"),
                        "students_absent_30_plus", "absent_30_plus_suppressed", List.of(), 0);
                return check.verdict(true).merge(absentCheck.verdict(true));
            }
            return check.verdict(true);
        }
        if (table.equals(EducationTables.MOOD)) {
            Map<String, Long> derived = areaCounts("SELECT concat_ws('|', date_format(m.checked_on, 'yyyy-MM'), r.grade) AS slice,"
                    + " r.ward_code, r.school_code, m.student_id_pseudonym FROM (SELECT DISTINCT student_id_pseudonym, checked_on"
                    + " FROM ${curated}.mood_checkins) m JOIN roster r ON r.student = m.student_id_pseudonym", true);
            return new Check(table, derived, published, row -> areaId(row, "month", "grade"), "students_checked_in", "suppressed",
                    List.of("share_sunny", "share_stormy"), 1).verdict(true);
        }
        if (table.equals(EducationTables.NURSE_VISITS)) {
            return nurseVisits(table, published);
        }
        throw new IllegalArgumentException("no verification is declared for " + table);
    }

    private MartVerdict nurseVisits(TableName table, List<Row> published) {
        List<Row> derivedRows = collect("SELECT date_format(visited_at, 'yyyy-MM') AS month, complaint, count(*) AS visits,"
                + " count(DISTINCT student_id_pseudonym) AS students FROM ${curated}.nurse_visits GROUP BY 1, 2"
                + " UNION ALL SELECT date_format(visited_at, 'yyyy-MM'), '" + NurseVisitsMart.ALL + "', count(*),"
                + " count(DISTINCT student_id_pseudonym) FROM ${curated}.nurse_visits GROUP BY 1");
        Map<String, Long> derived = new LinkedHashMap<>();
        Map<String, Long> students = new HashMap<>();
        for (Row row : derivedRows) {
            derived.put(NurseVisitsMart.id(row), row.getAs("visits"));
            students.put(NurseVisitsMart.id(row), row.getAs("students"));
        }
        Check check = new Check(table, derived, published, NurseVisitsMart::id, "visits", "suppressed", List.of(), 1);
        check.table = NurseVisitsMart.table(derivedRows, minimumGroup);
        check.smallByAnotherCount = id -> students.getOrDefault(id, 0L) < minimumGroup;
        return check.verdict(true);
    }

    private static Map<String, Long> withZeros(Map<String, Long> counts, Map<String, Long> groups) {
        Map<String, Long> all = new LinkedHashMap<>();
        groups.keySet().forEach(id -> all.put(id, counts.getOrDefault(id, 0L)));
        return all;
    }

    private static String areaId(Row row, String... sliceColumns) {
        List<String> slice = new ArrayList<>();
        for (String column : sliceColumns) {
            slice.add(String.valueOf(row.get(row.fieldIndex(column))));
        }
        return AreaCell.id(String.join("|", slice), AreaLevel.fromCode(row.getAs("area_level")), row.getAs("area_code"));
    }

    private Map<String, Long> areaCounts(String source) {
        return areaCounts(source, false);
    }

    /**
     * Counts per school in each slice with Spark ({@code counted} summed, or with {@code distinctStudents} each
     * student once), then adds schools up to their ward and wards up to the city here: a student belongs to one
     * school, so the sums are the wards' and the city's own counts, and the source is read once.
     */
    private Map<String, Long> areaCounts(String source, boolean distinctStudents) {
        String measure = distinctStudents ? "count(DISTINCT student_id_pseudonym)" : "sum(counted)";
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> wards = new LinkedHashMap<>();
        Map<String, Long> city = new LinkedHashMap<>();
        for (Row row : collect(", source AS (" + source + ")\nSELECT slice, ward_code, school_code, " + measure
                + " AS n FROM source GROUP BY slice, ward_code, school_code ORDER BY slice, ward_code, school_code")) {
            String slice = row.getString(0);
            long count = ((Number) row.get(3)).longValue();
            counts.put(AreaCell.id(slice, AreaLevel.SCHOOL, row.getString(2)), count);
            wards.merge(AreaCell.id(slice, AreaLevel.WARD, row.getString(1)), count, Long::sum);
            city.merge(AreaCell.id(slice, AreaLevel.CITY, AreaLevel.CITY_CODE), count, Long::sum);
        }
        counts.putAll(wards);
        counts.putAll(city);
        return counts;
    }

    private List<Row> collect(String query) {
        String roster = "WITH roster AS (SELECT st.student_id_pseudonym AS student, sc.ward_code, st.school_code, st.grade"
                + " FROM ${curated}.schools sc JOIN ${curated}.students st ON st.school_code = sc.school_code)";
        String sql = query.startsWith(",") ? roster + query : roster + "\n" + query;
        return spark.sql(sql.replace("${curated}", curated)).collectAsList();
    }

    /** The checks of one protected count of one mart. */
    private final class Check {
        private final TableName mart;
        private final Map<String, Long> derived;
        private final Map<String, Row> published = new LinkedHashMap<>();
        private final String countColumn;
        private final String hiddenColumn;
        private final List<String> measures;
        private final long lowerBound;
        private final List<String> problems = new ArrayList<>();
        private ProtectedTable table;
        private Function<String, Boolean> smallByAnotherCount = id -> false;

        Check(TableName mart, Map<String, Long> derived, List<Row> rows, Function<Row, String> id, String countColumn,
                String hiddenColumn, List<String> measures, long lowerBound) {
            this.mart = mart;
            this.derived = derived;
            this.countColumn = countColumn;
            this.hiddenColumn = hiddenColumn;
            this.measures = measures;
            this.lowerBound = lowerBound;
            for (Row row : rows) {
                if (published.put(id.apply(row), row) != null) {
                    problems.add(mart + ": cell " + id.apply(row) + " is published twice");
                }
            }
            List<AreaCell> cells = new ArrayList<>();
            derived.forEach((cellId, count) -> cells.add(areaCell(cellId, count)));
            this.table = cells.stream().allMatch(cell -> cell != null)
                    ? AreaTables.of(mart + " " + countColumn, cells, minimumGroup, lowerBound, cell -> Optional.empty()) : null;
        }

        private AreaCell areaCell(String id, long count) {
            String[] parts = id.split("\\|");
            if (parts.length < 3 || !List.of("school", "ward", "city").contains(parts[parts.length - 2])) {
                return null;
            }
            AreaLevel level = AreaLevel.fromCode(parts[parts.length - 2]);
            String code = parts[parts.length - 1];
            String slice = String.join("|", java.util.Arrays.copyOf(parts, parts.length - 2));
            String ward = switch (level) {
                case SCHOOL -> schoolWard(code);
                case WARD -> code;
                case CITY -> null;
            };
            return new AreaCell(slice, level, ward, level == AreaLevel.SCHOOL ? code : null, count);
        }

        private String schoolWard(String schoolCode) {
            return wardOfSchool().get(schoolCode);
        }

        void sameGroupAgreesAcross(List<Row> rows, Function<Row, String> group) {
            Map<String, Boolean> hiddenByGroup = new HashMap<>();
            for (Row row : rows) {
                boolean hidden = row.getAs(hiddenColumn);
                Boolean earlier = hiddenByGroup.putIfAbsent(group.apply(row), hidden);
                if (earlier != null && earlier != hidden) {
                    problems.add(mart + ": group " + group.apply(row) + " is hidden in one slice and shown in another");
                }
            }
        }

        MartVerdict verdict(boolean withRanges) {
            long primary = 0;
            long complementary = 0;
            long smallest = Long.MAX_VALUE;
            java.util.Set<String> hidden = new java.util.HashSet<>();
            for (Map.Entry<String, Long> cell : derived.entrySet()) {
                Row row = published.get(cell.getKey());
                if (row == null) {
                    problems.add(mart + ": group " + cell.getKey() + " is missing from the published rows");
                    continue;
                }
                long count = cell.getValue();
                if (row.<Boolean>getAs(hiddenColumn)) {
                    hidden.add(cell.getKey());
                    if (!row.isNullAt(row.fieldIndex(countColumn)) || measures.stream().anyMatch(m -> !row.isNullAt(row.fieldIndex(m)))) {
                        problems.add(mart + ": hidden cell " + cell.getKey() + " shows a figure");
                    }
                    if (count > 0 && count < minimumGroup || smallByAnotherCount.apply(cell.getKey())) {
                        primary++;
                    } else {
                        complementary++;
                    }
                    continue;
                }
                Object shown = row.get(row.fieldIndex(countColumn));
                if (shown == null || ((Number) shown).longValue() != count) {
                    problems.add(mart + ": " + countColumn + " of " + cell.getKey() + " is " + shown + ", the curated data give " + count);
                } else if (count > 0 && count < minimumGroup || smallByAnotherCount.apply(cell.getKey())) {
                    problems.add(mart + ": " + cell.getKey() + " shows " + count + ", under the minimum group of " + minimumGroup);
                } else if (count > 0) {
                    smallest = Math.min(smallest, count);
                }
            }
            for (String id : published.keySet()) {
                if (!derived.containsKey(id)) {
                    problems.add(mart + ": cell " + id + " is published but the curated data have no such group");
                }
            }
            double narrowest = Double.POSITIVE_INFINITY;
            if (withRanges && table != null && !hidden.isEmpty()) {
                for (Map.Entry<String, FeasibleRanges.Range> range : ranges.of(table, hidden).entrySet()) {
                    narrowest = Math.min(narrowest, range.getValue().width());
                    if (range.getValue().width() < minimumGroup) {
                        problems.add(mart + ": hidden cell " + range.getKey() + " can be worked out from the published margins to within "
                                + range.getValue().low() + ".." + range.getValue().high() + ", narrower than " + minimumGroup);
                    }
                }
            }
            return new MartVerdict(mart, derived.size(), derived.size() - hidden.size(), primary, complementary,
                    smallest == Long.MAX_VALUE ? 0 : smallest, narrowest, problems);
        }
    }

    private Map<String, String> wardOfSchool;

    private Map<String, String> wardOfSchool() {
        if (wardOfSchool == null) {
            Map<String, String> wards = new HashMap<>();
            for (Row row : spark.sql("SELECT school_code, ward_code FROM " + curated + ".schools").collectAsList()) {
                wards.put(row.getString(0), row.getString(1));
            }
            wardOfSchool = wards;
        }
        return wardOfSchool;
    }
}
