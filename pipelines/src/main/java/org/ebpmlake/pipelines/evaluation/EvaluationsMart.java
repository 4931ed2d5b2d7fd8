package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code mart.evaluations} (one row per evaluation: the effect, its interval, the pre-trend test, the data snapshot and
 * run) and {@code mart.evaluation_periods} (the event study, a row per period): the latest result of each declared
 * evaluation. Each evaluation's rows are replaced (one commit per table), so a re-run over the same data adds no row;
 * earlier results stay readable through the tables' snapshots.
 */
public final class EvaluationsMart {
    public static final TableName EVALUATIONS = new TableName(Zone.MART, "evaluations");
    public static final TableName PERIODS = new TableName(Zone.MART, "evaluation_periods");
    public static final String METHOD = "difference-in-differences, unit and period fixed effects, CR1 cluster-robust by unit, t(G-1)";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;

    public EvaluationsMart(SparkSession spark, LakeSettings settings, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Evaluates every declared evaluation and stores those that could be estimated. One the data do not yet allow (too
     * few units with published values, nothing after the intervention) is named in the message and keeps its earlier
     * result; one whose declaration the table does not fit makes the stage fail with its reason, after the others are stored.
     */
    public StageOutput build(String runId) {
        requireNonNull(runId, "runId is null");
        List<EvaluationDeclaration> declarations = EvaluationDeclarations.of(settings).all();
        PolicyEvaluation evaluation = new PolicyEvaluation(spark, settings);
        List<EvaluationOutcome> outcomes = new ArrayList<>();
        List<LakeException> failures = new ArrayList<>();
        List<String> notEstimable = new ArrayList<>();
        for (EvaluationDeclaration declaration : declarations) {
            try {
                outcomes.add(evaluation.evaluate(declaration));
            } catch (NotEstimableException e) {
                notEstimable.add(declaration.id() + " (" + e.getMessage() + ")");
            } catch (LakeException e) {
                failures.add(e);
            }
        }
        store(outcomes, runId);
        String stored = outcomes.size() + " of " + declarations.size() + " evaluations stored"
                + (notEstimable.isEmpty() ? "" : "; not estimable on these data, earlier result kept: " + String.join("; ", notEstimable));
        if (!failures.isEmpty()) {
            throw new LakeException(failures.get(0).category(), stored + "; " + String.join("; ",
                    failures.stream().map(LakeException::getMessage).toList()));
        }
        long observations = outcomes.stream().mapToLong(outcome -> outcome.result().observations()).sum();
        return StageOutput.succeeded(observations, outcomes.size(), stored);
    }

    /** Replaces the rows of these evaluations with their new results. */
    public void store(List<EvaluationOutcome> outcomes, String runId) {
        requireNonNull(outcomes, "outcomes is null");
        requireNonNull(runId, "runId is null");
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Row> evaluations = new ArrayList<>();
        List<Row> periods = new ArrayList<>();
        for (EvaluationOutcome outcome : outcomes) {
            evaluations.add(evaluationRow(outcome, runId, now));
            periods.addAll(periodRows(outcome, runId));
        }
        Object[] ids = outcomes.stream().map(outcome -> outcome.declaration().id()).toArray();
        replace(evaluations, EVALUATIONS, ids);
        replace(periods, PERIODS, ids);
    }

    /**
     * The table's rows of other evaluations and these new rows, written as the whole table in one commit. The tables
     * hold a few rows per evaluation, and a filtered overwrite cannot prove a file holds only one evaluation's rows
     * (string bounds are truncated), so the whole table is rewritten.
     */
    private void replace(List<Row> rows, TableName table, Object[] ids) {
        String name = table.in(settings.catalogName());
        Dataset<Row> current = spark.table(name);
        List<Row> kept = new ArrayList<>(current.where(not(col("evaluation_id").isin(ids))).collectAsList());
        kept.addAll(rows);
        TableWrites.replaceAll(spark.createDataFrame(kept, current.schema()), name);
    }

    private static Row evaluationRow(EvaluationOutcome outcome, String runId, Instant now) {
        EvaluationDeclaration declaration = outcome.declaration();
        DidResult result = outcome.result();
        Effect effect = result.effect();
        return RowFactory.create(declaration.id(), declaration.title().ja(), declaration.title().en(), declaration.table().toString(),
                declaration.metric(), declaration.transform().declaredName(), declaration.unitColumn(), declaration.period().declaredName(),
                declaration.interventionDate(), METHOD, result.treatedUnits(), result.comparisonUnits(), outcome.panel().periods(),
                result.observations(), effect.estimate(), effect.standardError(), effect.low(), effect.high(), result.confidence(),
                result.pretrendP().isPresent() ? result.pretrendP().getAsDouble() : null, outcome.snapshotId(), runId, now);
    }

    private static List<Row> periodRows(EvaluationOutcome outcome, String runId) {
        List<Row> rows = new ArrayList<>();
        Panel panel = outcome.panel();
        for (PeriodEffect period : outcome.result().periods()) {
            rows.add(RowFactory.create(outcome.declaration().id(), panel.periodStarts().get(period.period()),
                    panel.periodLabels().get(period.period()), period.relativePeriod(), period.estimate(),
                    period.effect().map(Effect::low).orElse(null), period.effect().map(Effect::high).orElse(null),
                    period.treatedMean(), period.comparisonMean(), runId));
        }
        return rows;
    }
}
