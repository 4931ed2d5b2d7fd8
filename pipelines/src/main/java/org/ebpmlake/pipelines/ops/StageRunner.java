package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs the stages of one run: times each, records it in {@code ops.runs} whatever the outcome, and reports
 * a progress line with its counts. A failed stage is recorded and its exception passed on, so the run
 * stops and the stages after it never see half a result.
 */
public final class StageRunner {
    private final String runId;
    private final RunLog runLog;
    private final Progress progress;
    private final Clock clock;
    private int step;

    public StageRunner(String runId, RunLog runLog, Progress progress, Clock clock) {
        this.runId = requireNonNull(runId, "runId is null");
        this.runLog = requireNonNull(runLog, "runLog is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public String runId() {
        return runId;
    }

    public StageOutput run(String stage, String tableName, Supplier<StageOutput> work) {
        requireNonNull(stage, "stage is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(work, "work is null");
        step++;
        Instant started = clock.instant();
        StageOutput output;
        try {
            output = work.get();
        } catch (Exception failure) {
            // Spark's job failures are checked SparkExceptions thrown through the Supplier; they are recorded too.
            Instant ended = clock.instant();
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            runLog.append(new StageRecord(runId, stage, tableName, started, ended, new StageOutput(0, 0, Outcome.FAILED, reason)));
            progress.report(String.format("[%2d] %-9s %-34s FAILED  %s", step, stage, tableName, reason));
            throw failure;
        }
        Instant ended = clock.instant();
        runLog.append(new StageRecord(runId, stage, tableName, started, ended, output));
        progress.report(String.format("[%2d] %-9s %-34s %-9s in %,10d  out %,10d  %5.1f s  %s", step, stage, tableName,
                output.outcome().label(), output.rowsIn(), output.rowsOut(),
                Duration.between(started, ended).toMillis() / 1000.0, output.message()));
        return output;
    }
}
