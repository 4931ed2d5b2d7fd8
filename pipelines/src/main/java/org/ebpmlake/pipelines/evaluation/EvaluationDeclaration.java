package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.TableName;

/**
 * A policy evaluation as declared in {@code conf/evaluations/<id>.yaml}: which mart's metric, per which unit and
 * period, which units the policy reached and which are compared with them, when it started, and over which days.
 *
 * @param where equality filters on the table's columns (e.g. only ward rows, only rows not hidden)
 * @param comparisonUnits the comparison group; empty for every unit of the table that is not treated
 * @param from first day of data used
 * @param to last day of data used
 */
public record EvaluationDeclaration(String id, LocalizedText title, LocalizedText question, TableName table, String metric,
        MetricTransform transform, String unitColumn, String timeColumn, PeriodLength period, Map<String, String> where,
        Set<String> treatedUnits, Set<String> comparisonUnits, LocalDate interventionDate, LocalDate from, LocalDate to,
        double confidence) {
    public EvaluationDeclaration {
        requireNonNull(id, "id is null");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("evaluation id must be lower snake case, got '" + id + "'");
        }
        requireNonNull(title, "title is null");
        requireNonNull(question, "question is null");
        requireNonNull(table, "table is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(transform, "transform is null");
        requireNonNull(unitColumn, "unitColumn is null");
        requireNonNull(timeColumn, "timeColumn is null");
        requireNonNull(period, "period is null");
        where = Map.copyOf(requireNonNull(where, "where is null"));
        treatedUnits = Set.copyOf(requireNonNull(treatedUnits, "treatedUnits is null"));
        comparisonUnits = Set.copyOf(requireNonNull(comparisonUnits, "comparisonUnits is null"));
        requireNonNull(interventionDate, "interventionDate is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (treatedUnits.isEmpty()) {
            throw new IllegalArgumentException("no treated unit is declared");
        }
        if (treatedUnits.stream().anyMatch(comparisonUnits::contains)) {
            throw new IllegalArgumentException("a unit is declared both treated and comparison");
        }
        if (!from.isBefore(interventionDate) || interventionDate.isAfter(to)) {
            throw new IllegalArgumentException("the intervention (" + interventionDate + ") must fall after 'from' (" + from
                    + ") and no later than 'to' (" + to + ")");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
    }

    /**
     * The same evaluation with a placebo intervention: a date when nothing happened, on the data before the real
     * intervention only. Its interval should contain zero; if it does not, the comparison is not a fair one.
     */
    public EvaluationDeclaration withPlaceboIntervention(LocalDate placebo) {
        requireNonNull(placebo, "placebo is null");
        if (!placebo.isBefore(interventionDate)) {
            throw new IllegalArgumentException("a placebo date must fall before the intervention (" + interventionDate + "), got " + placebo);
        }
        return new EvaluationDeclaration(id, title, question, table, metric, transform, unitColumn, timeColumn, period, where,
                treatedUnits, comparisonUnits, placebo, from, interventionDate.minusDays(1), confidence);
    }

    /** The first day of the first treated period: a period that began before the intervention counts as before. */
    public LocalDate firstTreatedPeriodStart() {
        LocalDate start = period.startOf(interventionDate);
        return start.isBefore(interventionDate) ? nextPeriodStart(start) : start;
    }

    private LocalDate nextPeriodStart(LocalDate start) {
        return switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case FISCAL_YEAR -> start.plusYears(1);
        };
    }
}
