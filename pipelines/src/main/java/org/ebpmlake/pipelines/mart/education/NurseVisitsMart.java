package org.ebpmlake.pipelines.mart.education;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.ebpmlake.reference.NamedCodes;

/**
 * {@code mart.education_nurse_visits}: visits to the school nurse per month and complaint for the whole city, with
 * each month's total ({@code all}). The published count is visits (they add up to the total); a cell is also small
 * when fewer than the minimum group of students made its visits.
 */
final class NurseVisitsMart {
    static final String ALL = "all";

    private final EducationSql sql;
    private final CellSuppression suppression;
    private final int minimumGroup;

    NurseVisitsMart(EducationSql sql, CellSuppression suppression, int minimumGroup) {
        this.sql = sql;
        this.suppression = suppression;
        this.minimumGroup = minimumGroup;
    }

    BuiltMart build() {
        List<Row> cells = sql.collect("SELECT " + EducationSql.month("visited_at") + " AS month, coalesce(complaint, '" + ALL + "') AS complaint,"
                + " count(*) AS visits, count(DISTINCT student_id_pseudonym) AS students FROM ${curated}.nurse_visits"
                + " GROUP BY " + EducationSql.month("visited_at") + ", ROLLUP(complaint) ORDER BY month, complaint");
        ProtectedTable table = table(cells, minimumGroup);
        Set<String> fewStudents = new HashSet<>();
        for (Row cell : cells) {
            if (cell.<Long>getAs("students") < minimumGroup) {
                fewStudents.add(id(cell));
            }
        }
        SuppressionPattern pattern = suppression.suppress(table, fewStudents, Set.of());
        NamedCodes complaints = NamedCodes.load("nurse_complaints");
        List<Row> rows = new ArrayList<>();
        for (Row cell : cells) {
            String complaint = cell.getAs("complaint");
            Optional<NamedCodes.Names> named = complaints.of(complaint);
            boolean hidden = pattern.isSuppressed(id(cell));
            String month = cell.getAs("month");
            rows.add(RowFactory.create(EducationMonths.fiscalYear(month), month, complaint,
                    named.map(NamedCodes.Names::japanese).orElse("合計"), named.map(NamedCodes.Names::english).orElse("all complaints"),
                    hidden, hidden ? null : cell.<Long>getAs("visits")));
        }
        return new BuiltMart(EducationTables.NURSE_VISITS, rows);
    }

    /** Each month's total and its complaints, as a table the builder and the verifier both check. */
    static ProtectedTable table(List<Row> cells, int minimumGroup) {
        ProtectedTable.Builder table = ProtectedTable.builder(EducationTables.NURSE_VISITS.toString(), minimumGroup, 1);
        java.util.Map<String, List<String>> parts = new java.util.LinkedHashMap<>();
        for (Row cell : cells) {
            table.cell(new ProtectedCell(id(cell), cell.<Long>getAs("visits"), Optional.empty()));
            if (!ALL.equals(cell.getAs("complaint"))) {
                parts.computeIfAbsent(cell.<String>getAs("month"), key -> new ArrayList<>()).add(id(cell));
            }
        }
        parts.forEach((month, complaints) -> table.margin(new Margin(month + "|" + ALL, complaints)));
        return table.build();
    }

    static String id(Row cell) {
        return cell.<String>getAs("month") + "|" + cell.<String>getAs("complaint");
    }
}
