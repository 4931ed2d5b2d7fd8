package org.ebpmlake.pipelines.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TableSlice;
import org.ebpmlake.pipelines.graph.TaskKind;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.DeliverySchedule;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded runner on a real lake, with small tasks of its own: retries, timeouts, what a failure or a blocked
 * batch does to the tasks after it, and the {@code ops.runs} rows of each.
 */
@ExtendWith(LakeExtension.class)
class EmbeddedRunnerTest {
    private static final TableName FIRST = new TableName(Zone.MART, "kpi_actuals");
    private static final TableName SECOND = new TableName(Zone.MART, "kpi_progress");
    private static final TableName APART = new TableName(Zone.MART, "footfall_hourly");

    /** upstream writes FIRST; downstream reads it; apart depends on neither. */
    private final PipelineDefinition definition = new PipelineDefinition(List.of(
            task("kpi.upstream", Set.of(), FIRST, Duration.ofMinutes(5), 1),
            task("kpi.downstream", Set.of(TableSlice.whole(FIRST)), SECOND, Duration.ofMinutes(5), 1),
            task("mart.apart", Set.of(), APART, Duration.ofMinutes(5), 0)));
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Test
    void aFailingTaskIsTriedAgainThenTheTasksReadingItsOutputAreNotRunWhileTheOthersStillAre(TemporaryLake lake) {
        RunReport report = run(lake, definition.tasks(), Map.of(
                "kpi.upstream", steps -> steps.step(FIRST.toString(), () -> {
                    throw new IllegalStateException("the catalog is on fire");
                })));

        assertThat(report.result("kpi.upstream")).hasValueSatisfying(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.message()).contains("the catalog is on fire");
        });
        assertThat(report.result("kpi.downstream").map(TaskResult::outcome)).contains(Outcome.NOT_RUN);
        assertThat(report.result("mart.apart").map(TaskResult::outcome)).contains(Outcome.SUCCEEDED);
        assertThat(attempts.get("kpi.upstream")).hasValue(2);
        assertThat(attempts).doesNotContainKey("kpi.downstream");
        assertThat(outcomesInRunLog(lake, report.runId())).containsExactly("- succeeded", "mart.kpi_actuals failed",
                "mart.kpi_actuals failed", "mart.kpi_progress not_run", "mart.footfall_hourly succeeded");
        assertThat(report.problems()).hasValueSatisfying(line -> assertThat(line).contains("kpi.upstream failed")
                .contains("the catalog is on fire").contains("not run: 1 tasks (kpi.downstream)").contains("--from"));
    }

    @Test
    void aTaskThatFailsOnceAndThenSucceedsSucceeds(TemporaryLake lake) {
        RunReport report = run(lake, definition.tasks(), Map.of(
                "kpi.upstream", steps -> steps.step(FIRST.toString(), () -> {
                    if (attempts.get("kpi.upstream").get() == 1) {
                        throw new IllegalStateException("a passing fault");
                    }
                    return StageOutput.succeeded(1, 1, "");
                })));

        assertThat(report.result("kpi.upstream")).hasValueSatisfying(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.attempts()).isEqualTo(2);
        });
        assertThat(report.result("kpi.downstream").map(TaskResult::outcome)).contains(Outcome.SUCCEEDED);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aBlockedBatchHoldsItsDataBackButTheTasksAfterItRunOnTheLastGoodRows(TemporaryLake lake) {
        RunReport report = run(lake, definition.tasks(), Map.of(
                "kpi.upstream", steps -> steps.step(FIRST.toString(), () -> StageOutput.blocked(5, "blocked by range(grade)"))));

        assertThat(report.result("kpi.upstream").map(TaskResult::outcome)).contains(Outcome.BLOCKED);
        assertThat(report.result("kpi.downstream").map(TaskResult::outcome)).contains(Outcome.SUCCEEDED);
        assertThat(report.failed()).isEmpty();
        assertThat(report.problems()).hasValueSatisfying(line -> assertThat(line).startsWith("保留 / held back: kpi.upstream blocked")
                .contains("range(grade)"));
    }

    @Test
    void aTaskOverrunningItsTimeoutHasItsSparkJobCancelledAndFails(TemporaryLake lake) {
        PipelineDefinition slow = new PipelineDefinition(List.of(task("kpi.upstream", Set.of(), FIRST, Duration.ofSeconds(3), 0)));
        long started = System.nanoTime();

        RunReport report = run(lake, slow.tasks(), slow, Map.of("kpi.upstream", steps -> steps.step(FIRST.toString(), () -> {
            // Minutes of work on two cores, unless it is cancelled.
            long sum = lake.spark().range(0, 20_000_000_000L).selectExpr("sum(id % 7)").first().getLong(0);
            return StageOutput.succeeded(sum, sum, "");
        })));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
        assertThat(report.result("kpi.upstream")).hasValueSatisfying(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message()).contains("overran its timeout");
        });
        assertThat(outcomesInRunLog(lake, report.runId())).contains("mart.kpi_actuals failed");
    }

    private RunReport run(TemporaryLake lake, List<PipelineTask> tasks, Map<String, TaskWork> special) {
        return run(lake, tasks, definition, special);
    }

    private RunReport run(TemporaryLake lake, List<PipelineTask> tasks, PipelineDefinition used, Map<String, TaskWork> special) {
        TaskWorks works = task -> steps -> {
            attempts.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
            special.getOrDefault(task.id(), ordinary -> ordinary.step(task.writes().iterator().next().table().toString(),
                    () -> StageOutput.succeeded(1, 1, ""))).perform(steps);
        };
        RunPlan plan = new RunPlan("run-test-" + System.nanoTime(), used, tasks, Optional.empty(), Duration.ZERO, Duration.ZERO);
        return new EmbeddedRunner(lake.spark(), lake.settings(), line -> { }, Clock.systemUTC()).run(plan, works);
    }

    private static List<String> outcomesInRunLog(TemporaryLake lake, String runId) {
        return lake.spark().table(lake.table("ops.runs")).where(col("run_id").equalTo(runId)).orderBy(col("started_at"), col("ended_at"))
                .collectAsList().stream().map((Row row) -> row.<String>getAs("table_name") + " " + row.<String>getAs("outcome")).toList();
    }

    private static PipelineTask task(String id, Set<TableSlice> reads, TableName writes, Duration timeout, int retries) {
        return new PipelineTask(id, TaskKind.KPI, id, reads, Set.of(TableSlice.whole(writes)), DeliverySchedule.DAILY, timeout, retries);
    }
}
