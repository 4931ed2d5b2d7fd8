package org.ebpmlake.launcher;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.ebpmlake.launcher.LakeScript.Started;
import org.ebpmlake.pipelines.run.RunLock;
import org.ebpmlake.pipelines.sources.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two {@code ./lake run} on one lake, as two people (or a person and Airflow) would start them. */
@ExtendWith(LakeExtension.class)
class RunLockIT {
    @Test
    void aRunStartedWhileTheLakeIsHeldIsRefusedInOneLineNamingTheHolderAndWritesNothing(TemporaryLake lake)
            throws IOException, InterruptedException {
        Map<String, String> environment = LakeScript.environmentOf(lake.withTables());
        Finished refused;
        String holder;
        try (RunLock held = RunLock.acquire(lake.spark(), lake.settings(), "run-held-by-the-test", Duration.ZERO, Clock.systemUTC(),
                line -> { })) {
            holder = held.holder().name();
            refused = LakeScript.run(environment, "run", "--schedule", "monthly");
        }

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(CommandFailure.PERSON_CAN_FIX);
        assertThat(refused.errorLines()).as(refused.output()).singleElement().asString()
                .contains(holder).contains("run-held-by-the-test").contains("--wait");
        assertThat(lake.count("ops.runs")).isZero();
        assertThat(lake.count("raw.residents")).isZero();
    }

    @Test
    void twoRunsStartedAtOnceTakeTurnsAndLeaveTheLakeAsOneRunWould(TemporaryLake lake) throws IOException, InterruptedException {
        Map<String, String> environment = LakeScript.environmentOf(lake);
        Started first = LakeScript.start(environment, "run", "--schedule", "monthly", "--run-id", "run-first", "--wait", "600");
        Started second = LakeScript.start(environment, "run", "--schedule", "monthly", "--run-id", "run-second", "--wait", "600");
        Finished firstEnded = first.finish();
        Finished secondEnded = second.finish();

        assertThat(firstEnded.exitCode()).as(firstEnded.output()).isZero();
        assertThat(secondEnded.exitCode()).as(secondEnded.output()).isZero();
        List<Row> periods = lake.spark().table(lake.table("ops.run_lock")).collectAsList().stream()
                .sorted(Comparator.comparing((Row row) -> row.<Instant>getAs("acquired_at"))).toList();
        assertThat(periods).extracting(row -> row.<String>getAs("run_id")).containsExactlyInAnyOrder("run-first", "run-second");
        // One after the other: the later run took the lake only once the earlier one had let go.
        assertThat(periods.get(1).<Instant>getAs("acquired_at")).isAfterOrEqualTo(periods.get(0).<Instant>getAs("released_at"));
        assertThat(periods).extracting(row -> row.<String>getAs("ended")).containsOnly("released");

        int residents = Scale.TINY.residents();
        assertThat(lake.count("raw.residents")).isEqualTo(residents);
        assertThat(lake.count("curated.residents")).isEqualTo(residents);
        assertThat(lake.spark().table(lake.table("curated.residents")).select("resident_id_pseudonym").distinct().count())
                .isEqualTo(residents);
        String later = periods.get(1).getAs("run_id");
        assertThat(lake.spark().table(lake.table("ops.runs")).where(col("run_id").equalTo(later).and(col("stage").equalTo("raw")))
                .select("outcome").collectAsList()).extracting(row -> row.getString(0)).containsOnly("skipped");
        assertThat(lake.spark().table(lake.table("ops.runs")).where(col("outcome").equalTo("failed")).count()).isZero();
    }

    @Test
    void aRunKilledInTheMiddleOfATaskLeavesAStaleLockThatTheNextRunBreaksAndResumesWithoutRedoingFinishedTasks(TemporaryLake lake)
            throws IOException, InterruptedException {
        Map<String, String> environment = LakeScript.environmentOf(lake);
        Started killed = LakeScript.start(environment, "run", "--schedule", "monthly", "--run-id", "run-killed");
        // Killed (SIGKILL: no shutdown hook, no release) as soon as the registry is promoted, while it de-identifies.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!Files.readString(killed.output(), StandardCharsets.UTF_8).contains("curated.residents")) {
            assertThat(killed.process().isAlive()).as("./lake run still running").isTrue();
            assertThat(Instant.now()).as("curated.residents promoted within 10 minutes").isBefore(deadline);
            Thread.sleep(100);
        }
        killed.process().destroyForcibly();
        assertThat(killed.process().waitFor(1, TimeUnit.MINUTES)).isTrue();
        long rawCommits = snapshots(lake, "raw.residents");
        long curatedCommits = snapshots(lake, "curated.residents");

        Finished resumed = LakeScript.run(environment, "run", "--from", "deid.residents", "--run-id", "run-resumed");

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        List<Row> periods = lake.spark().table(lake.table("ops.run_lock")).collectAsList();
        assertThat(periods).filteredOn(row -> "run-killed".equals(row.getAs("run_id"))).singleElement()
                .satisfies(row -> assertThat(row.<String>getAs("ended")).startsWith("stale"));
        assertThat(periods).filteredOn(row -> "run-resumed".equals(row.getAs("run_id"))).singleElement()
                .satisfies(row -> assertThat(row.<String>getAs("ended")).isEqualTo("released"));
        // Nothing before the resumed task ran again, and the killed run's half-done work left no row twice.
        assertThat(snapshots(lake, "raw.residents")).isEqualTo(rawCommits);
        assertThat(snapshots(lake, "curated.residents")).isEqualTo(curatedCommits);
        assertThat(lake.spark().table(lake.table("ops.runs")).where(col("run_id").equalTo("run-resumed")).select("stage")
                .collectAsList()).extracting(row -> row.getString(0)).doesNotContain("raw", "quality", "curated");
        int residents = Scale.TINY.residents();
        assertThat(lake.count("raw.residents")).isEqualTo(residents);
        assertThat(lake.count("curated.residents")).isEqualTo(residents);
        assertThat(lake.count("deid.residents")).isPositive().isLessThanOrEqualTo(residents);
    }

    private static long snapshots(TemporaryLake lake, String table) {
        return lake.spark().sql("SELECT count(*) FROM " + lake.table(table) + ".snapshots").collectAsList().get(0).getLong(0);
    }
}
