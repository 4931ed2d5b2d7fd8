package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TableSlice;
import org.ebpmlake.pipelines.graph.TaskKind;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.pipelines.ops.RunLog;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.ops.StageRunner;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.ZoneTable;

/**
 * Runs tasks of the pipeline in this process, in the definition's order, the way {@code ./lake run} always has: a
 * progress line and an {@code ops.runs} row for every step. The run first takes the lake's {@link RunLock}, creates
 * whatever tables are missing and, in the local environment, writes the sample deliveries.
 *
 * <p>A task that fails is tried again after the retry delay, as often as the definition allows, and stopped when it
 * overruns its timeout (its Spark jobs are cancelled). The tasks that read its output are then not run, while every task
 * that does not depend on it still is. A task that blocks a batch or rejects a delivery is not a failure: the tasks
 * after it run on the last good data, as they would under Airflow.
 */
public final class EmbeddedRunner {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final Progress progress;
    private final Clock clock;
    private final TaskObserver observer;

    public EmbeddedRunner(SparkSession spark, LakeSettings settings, Progress progress, Clock clock) {
        this(spark, settings, progress, clock, TaskObserver.none());
    }

    public EmbeddedRunner(SparkSession spark, LakeSettings settings, Progress progress, Clock clock, TaskObserver observer) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.observer = requireNonNull(observer, "observer is null");
    }

    public RunReport run(RunPlan plan, TaskWorks works) {
        requireNonNull(plan, "plan is null");
        requireNonNull(works, "works is null");
        try (RunLock lock = RunLock.acquire(spark, settings, plan.runId(), plan.lockWait(), clock, progress)) {
            StageRunner stages = new StageRunner(plan.runId(), new RunLog(spark, settings), progress, clock);
            List<ZoneTable> created = new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
            stages.run("setup", "-", () -> StageOutput.succeeded(0, created.size(), created.size() + " tables created"));
            if (plan.tasks().stream().anyMatch(task -> task.kind() == TaskKind.INGEST)) {
                plan.samples().ifPresent(samples -> stages.run("sources", samples.directory().toString(), () -> {
                    List<SourceFile> files = samples.ensureWritten();
                    return StageOutput.succeeded(0, files.size(), files.size() + " files");
                }));
            }
            Map<String, Outcome> outcomes = new HashMap<>();
            List<TaskResult> results = new ArrayList<>();
            for (PipelineTask task : plan.tasks()) {
                if (lock.lost()) {
                    throw new LakeException(ErrorCategory.LAKE_BUSY, "実行ロックを失いました / another run took the lake over from this one"
                            + " (it was silent longer than lake.run-lock.stale-after-seconds); stopped before " + task.id());
                }
                Optional<String> failedUpstream = failedUpstream(plan, task, outcomes);
                TaskResult result;
                if (failedUpstream.isPresent()) {
                    result = notRun(stages, task, failedUpstream.get());
                } else {
                    observer.started(task);
                    result = attempt(stages, task, works.workOf(task), plan.retryDelay());
                    observer.ended(task, result);
                }
                outcomes.put(task.id(), result.outcome());
                results.add(result);
            }
            return new RunReport(plan.runId(), results);
        }
    }

    private static Optional<String> failedUpstream(RunPlan plan, PipelineTask task, Map<String, Outcome> outcomes) {
        return plan.definition().upstreamOf(task.id()).stream()
                .filter(upstream -> outcomes.get(upstream) == Outcome.FAILED || outcomes.get(upstream) == Outcome.NOT_RUN)
                .findFirst();
    }

    private static TaskResult notRun(StageRunner stages, PipelineTask task, String upstream) {
        String message = "not run: " + upstream + " did not succeed";
        stages.run(task.kind().stage(), recordedTable(task), () -> new StageOutput(0, 0, Outcome.NOT_RUN, message));
        return new TaskResult(task.id(), Outcome.NOT_RUN, 0, message);
    }

    private TaskResult attempt(StageRunner stages, PipelineTask task, TaskWork work, Duration retryDelay) {
        String lastFailure = "";
        Optional<RuntimeException> lastException = Optional.empty();
        for (int attempt = 1; attempt <= task.retries() + 1; attempt++) {
            TaskSteps steps = new TaskSteps(stages, task.kind().stage());
            try {
                runWithin(task, () -> work.perform(steps));
                String message = String.join("; ", steps.heldBack());
                return new TaskResult(task.id(), steps.outcome(), attempt, message);
            } catch (TaskTimeoutException timedOut) {
                lastFailure = timedOut.getMessage();
                lastException = Optional.of(timedOut);
                String reason = lastFailure;
                stages.run(task.kind().stage(), recordedTable(task), () -> new StageOutput(0, 0, Outcome.FAILED, reason));
            } catch (RuntimeException failure) {
                // The failed step has been recorded by the stage runner already.
                lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                lastException = Optional.of(failure);
            }
            if (attempt <= task.retries()) {
                progress.report(String.format("     %s: 失敗、%d 秒後に再試行 / failed, trying again in %d s (attempt %d of %d)",
                        task.id(), retryDelay.toSeconds(), retryDelay.toSeconds(), attempt + 1, task.retries() + 1));
                sleep(retryDelay);
            }
        }
        return new TaskResult(task.id(), Outcome.FAILED, task.retries() + 1, lastFailure, lastException);
    }

    /**
     * Runs the work in a thread of its own so that it can be stopped at the task's timeout: its Spark jobs are cancelled
     * and the thread interrupted, and the run goes on only once that thread has ended.
     */
    private void runWithin(PipelineTask task, Runnable work) {
        String jobGroup = "task-" + task.id() + "-" + System.nanoTime();
        CountDownLatch ended = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "task " + task.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> future = executor.submit(() -> {
                spark.sparkContext().setJobGroup(jobGroup, task.id(), true);
                try {
                    work.run();
                } finally {
                    spark.sparkContext().clearJobGroup();
                    ended.countDown();
                }
            });
            try {
                future.get(task.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException overran) {
                spark.sparkContext().cancelJobGroup(jobGroup);
                future.cancel(true);
                awaitEnd(task, ended);
                throw new TaskTimeoutException(task.id() + " overran its timeout of " + task.timeout().toMinutes()
                        + " min (" + task.timeout().toSeconds() + " s) and was stopped");
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                // Spark's checked exceptions reach here through code that Java's compiler cannot see throw them.
                throw new IllegalStateException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
            } catch (InterruptedException interrupted) {
                spark.sparkContext().cancelJobGroup(jobGroup);
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new LakeException(ErrorCategory.INTERNAL, "the run was interrupted during " + task.id(), interrupted);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitEnd(PipelineTask task, CountDownLatch ended) {
        try {
            if (!ended.await(2, TimeUnit.MINUTES)) {
                throw new LakeException(ErrorCategory.INTERNAL, task.id() + " overran its timeout and did not stop when told;"
                        + " the run stops here rather than let it write beside the next task");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.INTERNAL, "interrupted while stopping " + task.id(), e);
        }
    }

    /** The table a task's own run-log rows name: the first it writes, or its id when it writes no table (the site). */
    private static String recordedTable(PipelineTask task) {
        return task.writes().stream().findFirst().map(TableSlice::table).map(Object::toString).orElse(task.id());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.INTERNAL, "interrupted while waiting to try a task again", e);
        }
    }

    /** A task overran its timeout and was stopped. */
    private static final class TaskTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskTimeoutException(String message) {
            super(message);
        }
    }
}
