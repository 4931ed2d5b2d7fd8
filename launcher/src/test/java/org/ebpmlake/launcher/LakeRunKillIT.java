package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TableSlice;
import org.ebpmlake.pipelines.run.TaskObserver;
import org.ebpmlake.pipelines.run.TaskResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./lake run} killed with SIGKILL again and again, at random points of every task of the pipeline, over the tiny
 * sources: after each kill the tables the interrupted task writes read in full at their last committed snapshot, and
 * the lake the runs finally complete holds exactly the rows of a lake whose run was never interrupted (row counts and
 * content checksums of every table).
 *
 * <p>The kills are {@value #DEFAULT_KILLS} by default ({@code -Dlake.kills=N}, {@code -Dlake.kills.seed=S}). They are
 * spread evenly over the definition's tasks in run order, so every stage is interrupted; each kill falls at a random
 * moment of its task. A killed process is followed by one that runs the killed task again and the tasks up to the next
 * kill, with {@code ./lake run --task ... --task ...}, and is itself killed inside that next task: one JVM start per kill.
 */
@ExtendWith(LakeExtension.class)
class LakeRunKillIT {
    private static final int DEFAULT_KILLS = 50;
    /** A first guess at a {@code ./lake run} process's start (JVM, Spark, catalog, run lock), refined as processes end. */
    private static final Duration FIRST_START_UP_GUESS = Duration.ofSeconds(10);

    @Test
    void aRunKilledAtRandomPointsOfEveryTaskLeavesReadableTablesAndTheRunsThatFollowEqualACleanRun(TemporaryLake clean,
            TemporaryLake killed) throws IOException, InterruptedException {
        LakeSettings cleanSettings = clean.withTables().settings().withOption("lake.sample.scale", "tiny");
        TaskTimes times = new TaskTimes();
        RunSummary cleanRun = new LakeRun(clean.spark(), cleanSettings, PseudonymKey.of(LakeScript.KEY), line -> { }, Clock.systemUTC())
                .run(TaskChoice.everything(), Optional.empty(), Duration.ZERO, times);
        assertThat(cleanRun.report().failed()).as(cleanRun.render()).isEmpty();
        Map<String, TableFingerprints.Fingerprint> expected = TableFingerprints.of(clean);

        List<PipelineTask> tasks = LakeRun.definition(killed.withTables().settings()).tasks();
        Map<String, String> environment = LakeScript.environmentOf(killed);
        int kills = Integer.getInteger("lake.kills", DEFAULT_KILLS);
        Random random = new Random(Long.getLong("lake.kills.seed", 20261128L));
        long startUpMillis = FIRST_START_UP_GUESS.toMillis();
        Map<String, Integer> killsByStage = new TreeMap<>();
        int landed = 0;
        int next = 0;
        for (int kill = 0; kill < kills; kill++) {
            int target = Math.min(tasks.size() - 1, kill * tasks.size() / kills);
            List<PipelineTask> chosen = tasks.subList(Math.min(next, target), target + 1);
            long before = chosen.subList(0, chosen.size() - 1).stream().mapToLong(times::millisOf).sum();
            long delay = startUpMillis + before + (long) (random.nextDouble() * (times.millisOf(tasks.get(target)) + 500));
            long started = System.nanoTime();
            LakeScript.Started process = LakeScript.start(environment, arguments(chosen));
            boolean ended = process.process().waitFor(delay, TimeUnit.MILLISECONDS);
            if (ended) {
                // It finished before the kill: the tasks are done, and the next process starts after them.
                LakeScript.Finished finished = process.finish();
                assertThat(finished.exitCode()).as(finished.output()).isIn(0, RunCommand.BLOCKED);
                long wall = Duration.ofNanos(System.nanoTime() - started).toMillis();
                startUpMillis = Math.max(1000, wall - chosen.stream().mapToLong(times::millisOf).sum());
                next = target + 1;
                continue;
            }
            process.process().destroyForcibly();
            process.finish();
            landed++;
            killsByStage.merge(tasks.get(target).kind().stage(), 1, Integer::sum);
            next = Math.min(next, target);
            // What the interrupted task writes reads in full, and counts the rows its last commit recorded.
            for (String table : written(tasks.get(target))) {
                assertThat(TableFingerprints.of(killed, table).rows()).as("%s after kill %d (in %s)", table, landed, tasks.get(target).id())
                        .isEqualTo(TableFingerprints.committedRows(killed, table));
            }
        }
        System.out.printf("kills landed: %d of %d, by stage: %s%n", landed, kills, killsByStage);

        LakeScript.Finished rest = LakeScript.run(environment, arguments(tasks.subList(next, tasks.size())));
        assertThat(rest.exitCode()).as(rest.output()).isIn(0, RunCommand.BLOCKED);
        assertThat(landed).as("kills that interrupted a running ./lake run").isGreaterThanOrEqualTo(kills * 9 / 10);
        assertThat(killsByStage.keySet()).as("stages interrupted").contains("raw", "quality", "curated", "deid", "mart");
        Map<String, TableFingerprints.Fingerprint> actual = TableFingerprints.of(killed);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, TableFingerprints.Fingerprint> table : expected.entrySet()) {
            assertThat(actual.get(table.getKey())).as("rows of %s after %d kills", table.getKey(), landed).isEqualTo(table.getValue());
        }
    }

    private static String[] arguments(List<PipelineTask> tasks) {
        List<String> arguments = new ArrayList<>(List.of("run"));
        tasks.forEach(task -> arguments.addAll(List.of("--task", task.id())));
        return arguments.toArray(String[]::new);
    }

    private static Set<String> written(PipelineTask task) {
        Set<String> tables = new LinkedHashSet<>();
        for (TableSlice slice : task.writes()) {
            tables.add(slice.table().toString());
        }
        return tables;
    }

    /** How long each task took in the clean run, in this warm JVM: where in a process the kill of a task falls. */
    private static final class TaskTimes implements TaskObserver {
        private final Map<String, Long> startedAt = new HashMap<>();
        private final Map<String, Long> millis = new HashMap<>();

        @Override
        public void started(PipelineTask task) {
            startedAt.put(task.id(), System.nanoTime());
        }

        @Override
        public void ended(PipelineTask task, TaskResult result) {
            millis.put(task.id(), Duration.ofNanos(System.nanoTime() - startedAt.get(task.id())).toMillis());
        }

        long millisOf(PipelineTask task) {
            return millis.getOrDefault(task.id(), 0L);
        }
    }
}
