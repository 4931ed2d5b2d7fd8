package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.TreeSet;
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
 * <p>The kills are {@value #DEFAULT_KILLS} by default in the suite and 50 or more when asked ({@code -Dlake.kills=N},
 * {@code -Dlake.kills.seed=S}). They are
 * spread evenly over the definition's tasks in run order, so every stage is interrupted. Each kill is of a process
 * {@code ./lake run --task <task>}, at a random moment between its start-up (measured once, on a process left to
 * finish) and the task's own duration; a process that finishes first is started again and killed earlier, until every
 * kill asked for has landed. The tasks between two kills, and the killed task again, are run by this JVM's
 * {@link LakeRun} as the next {@code ./lake run} would run them, so a kill costs one JVM start and no more.
 */
@ExtendWith(LakeExtension.class)
class LakeRunKillIT {
    /** In the suite; the full harness is {@code -Dlake.kills=50} (22 minutes here, beyond what CI can spend on it each time). */
    private static final int DEFAULT_KILLS = 8;

    @Test
    void aRunKilledAtRandomPointsOfEveryTaskLeavesReadableTablesAndTheRunsThatFollowEqualACleanRun(TemporaryLake clean,
            TemporaryLake killed) throws IOException, InterruptedException {
        LakeSettings cleanSettings = clean.withTables().settings().withOption("lake.sample.scale", "tiny");
        TaskTimes times = new TaskTimes();
        RunSummary cleanRun = new LakeRun(clean.spark(), cleanSettings, PseudonymKey.of(LakeScript.KEY), line -> { }, Clock.systemUTC())
                .run(TaskChoice.everything(), Optional.empty(), Duration.ZERO, times);
        assertThat(cleanRun.report().failed()).as(cleanRun.render()).isEmpty();
        Map<String, TableFingerprints.Fingerprint> expected = TableFingerprints.of(clean);

        LakeSettings killedSettings = killed.withTables().settings().withOption("lake.sample.scale", "tiny");
        // Both lakes take the very same delivered files. Written again, the samples hold the same rows but not the same
        // bytes: Parquet-mr lists a column chunk's encodings in an order that differs from one JVM to the next, and a
        // file's SHA-256 is its identity in the lake (a same-named file with another hash is a corrected re-delivery).
        FolderCopy.copy(cleanSettings.sourcesDirectory().resolve("sample"), killedSettings.sourcesDirectory().resolve("sample"),
                StandardCopyOption.COPY_ATTRIBUTES);
        List<PipelineTask> tasks = LakeRun.definition(killedSettings).tasks();
        Map<String, String> environment = LakeScript.environmentOf(killed);
        int kills = Integer.getInteger("lake.kills", DEFAULT_KILLS);
        Random random = new Random(Long.getLong("lake.kills.seed", 20261128L));
        long startUpMillis = startUpMillis(environment, tasks, times);
        Map<String, Integer> killsByStage = new TreeMap<>();
        Set<String> targetedStages = new TreeSet<>();
        int landed = 0;
        int missed = 0;
        int next = 0;
        int missesOfThisTarget = 0;
        while (landed < kills && missed < kills) {
            int target = Math.min(tasks.size() - 1, landed * tasks.size() / kills);
            PipelineTask task = tasks.get(target);
            targetedStages.add(task.kind().stage());
            runInProcess(killed, killedSettings, tasks.subList(Math.min(next, target), target));
            // A task shorter than the start-up's jitter may finish first: each miss aims earlier at the same task.
            double startUpShare = 0.8 - 0.2 * Math.min(3, missesOfThisTarget);
            long delay = (long) (startUpMillis * (startUpShare + 0.2 * random.nextDouble())
                    + random.nextDouble() * (2 * times.millisOf(task) + 500));
            LakeScript.Started process = LakeScript.start(environment, arguments(List.of(task)));
            if (process.process().waitFor(delay, TimeUnit.MILLISECONDS)) {
                // It finished before the kill: the task is done; the next try runs it again (a re-run adds nothing).
                LakeScript.Finished finished = process.finish();
                assertThat(finished.exitCode()).as(finished.output()).isIn(0, RunCommand.BLOCKED);
                next = target + 1;
                missed++;
                missesOfThisTarget++;
                continue;
            }
            process.process().destroyForcibly();
            process.finish();
            landed++;
            missesOfThisTarget = 0;
            killsByStage.merge(task.kind().stage(), 1, Integer::sum);
            next = target;
            // What the interrupted task writes reads in full, and counts the rows its last commit recorded.
            for (String table : written(task)) {
                assertThat(TableFingerprints.of(killed, table).rows()).as("%s after kill %d (in %s)", table, landed, task.id())
                        .isEqualTo(TableFingerprints.committedRows(killed, table));
            }
        }
        System.out.printf("kills landed: %d (%d processes finished before their kill), by stage: %s (start-up of a ./lake run"
                + " process: %.1f s)%n", landed, missed, killsByStage, startUpMillis / 1000.0);

        runInProcess(killed, killedSettings, tasks.subList(next, tasks.size()));
        assertThat(landed).as("kills that interrupted a running ./lake run (%d missed)", missed).isEqualTo(kills);
        // Every stage a kill was aimed at was interrupted at least once (with 50 kills: every stage of the pipeline).
        assertThat(killsByStage.keySet()).as("stages interrupted").isEqualTo(targetedStages);
        // Every table compared before the verdict, so a failure names all that differ, and in which columns.
        Map<String, TableFingerprints.Fingerprint> actual = TableFingerprints.of(killed);
        Map<String, List<String>> differing = new TreeMap<>();
        expected.forEach((table, fingerprint) -> {
            if (!fingerprint.equals(actual.get(table)) && actual.containsKey(table)) {
                differing.put(table, TableFingerprints.differingColumns(clean, killed, table));
            }
        });
        assertThat(actual).as("every table after %d kills, against the clean run; columns that differ: %s", landed, differing)
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    /**
     * How long a {@code ./lake run} process takes before its task begins (JVM, Spark, catalog, run lock): one process of
     * the task that reads nothing and writes little (the KPI catalogue, which is loaded again whenever it runs), left to
     * finish, less the task's own time.
     */
    private static long startUpMillis(Map<String, String> environment, List<PipelineTask> tasks, TaskTimes times)
            throws IOException, InterruptedException {
        PipelineTask reference = tasks.stream().filter(task -> task.reads().isEmpty()).findFirst().orElseThrow();
        long started = System.nanoTime();
        LakeScript.Finished finished = LakeScript.run(environment, arguments(List.of(reference)));
        assertThat(finished.exitCode()).as(finished.output()).isZero();
        return Math.max(1000, Duration.ofNanos(System.nanoTime() - started).toMillis() - times.millisOf(reference));
    }

    /** The tasks run as the next {@code ./lake run} would run them, in this JVM. */
    private static void runInProcess(TemporaryLake lake, LakeSettings settings, List<PipelineTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        RunSummary run = new LakeRun(lake.spark(), settings, PseudonymKey.of(LakeScript.KEY), line -> { }, Clock.systemUTC())
                .run(new TaskChoice(tasks.stream().map(PipelineTask::id).toList(), Optional.empty(), Optional.empty()),
                        Optional.empty(), Duration.ZERO);
        assertThat(run.report().failed()).as(run.render()).isEmpty();
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
