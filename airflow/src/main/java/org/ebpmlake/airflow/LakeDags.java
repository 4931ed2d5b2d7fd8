package org.ebpmlake.airflow;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ebpmlake.airflow.AirflowClient.Dag;
import org.ebpmlake.airflow.AirflowClient.DagRun;
import org.ebpmlake.airflow.AirflowClient.ImportError;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DeliverySchedule;

/**
 * The lake's DAGs in a running Airflow: rendered into its DAG folder, deployed (parsed without import error, then
 * unpaused), triggered, and watched until a run ends. What {@code ./lake airflow} does, and what the tests do the same
 * way.
 */
public final class LakeDags {
    private static final Duration POLL = Duration.ofSeconds(2);

    private final DagFiles files;
    private final Path dagFolder;
    private final AirflowClient client;
    private final Clock clock;

    public LakeDags(DagFiles files, Path dagFolder, AirflowClient client, Clock clock) {
        this.files = requireNonNull(files, "files is null");
        this.dagFolder = requireNonNull(dagFolder, "dagFolder is null");
        this.client = requireNonNull(client, "client is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public List<Path> render() {
        return files.writeTo(dagFolder);
    }

    /**
     * Renders the DAG files, waits until Airflow has parsed every one of them after this render (an import error of one
     * of them fails the deployment with Python's message), and unpauses them so their schedules run.
     */
    public List<Dag> deploy(Duration timeout, Consumer<String> progress) {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(progress, "progress is null");
        // Airflow stores parse times to the second at best; a render in the same second still counts.
        Instant rendered = clock.instant().minusSeconds(1);
        List<Path> written = render();
        written.forEach(file -> progress.accept("DAG ファイル / DAG file: " + file));
        Instant deadline = clock.instant().plus(timeout);
        List<Dag> parsed = new ArrayList<>();
        for (DeliverySchedule schedule : files.schedules()) {
            String dagId = DagFiles.dagId(schedule);
            while (true) {
                Optional<ImportError> broken = importErrorOf(dagFolder.resolve(dagId + ".py"), rendered);
                if (broken.isPresent()) {
                    throw new LakeException(ErrorCategory.INTERNAL, "Airflow が " + dagId + " を読み込めません / Airflow cannot import "
                            + broken.get().file() + ": " + lastLine(broken.get().trace()));
                }
                Optional<Dag> dag = client.dag(dagId);
                if (dag.isPresent() && dag.get().lastParsed().map(time -> !time.isBefore(rendered)).orElse(false)) {
                    parsed.add(dag.get());
                    break;
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Airflow が " + timeout.toSeconds() + " 秒以内に " + dagId
                            + " を読み込みませんでした / Airflow did not parse " + dagId + " within " + timeout.toSeconds()
                            + " s: is its DAG processor up? (./lake services status)");
                }
                sleep();
            }
        }
        for (Dag dag : parsed) {
            if (dag.paused()) {
                client.unpause(dag.dagId());
            }
            progress.accept("配備しました / deployed " + dag.dagId() + " (" + client.tasks(dag.dagId()).size() + " tasks, unpaused)");
        }
        return List.copyOf(parsed);
    }

    /** Starts a run of a schedule's DAG now; its id names the DAG and the time. */
    public DagRun trigger(DeliverySchedule schedule) {
        String dagId = DagFiles.dagId(requireNonNull(schedule, "schedule is null"));
        Dag dag = client.dag(dagId).orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "Airflow に " + dagId
                + " がありません。先に ./lake airflow deploy を実行してください / Airflow has no " + dagId + ": run ./lake airflow deploy first"));
        if (dag.paused()) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, dagId + " は一時停止中です / " + dagId
                    + " is paused, so its run would only queue: deploy it again (./lake airflow deploy) or unpause it in Airflow");
        }
        String runId = "lake-" + schedule.label() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").format(clock.instant().atOffset(ZoneOffset.UTC));
        return client.trigger(dagId, runId);
    }

    /** Polls the run until it succeeds or fails, or the time is up. */
    public DagRun awaitFinished(String dagId, String runId, Duration timeout) {
        Instant deadline = clock.instant().plus(requireNonNull(timeout, "timeout is null"));
        while (true) {
            DagRun run = client.run(dagId, runId);
            if (run.finished()) {
                return run;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, runId + " は " + timeout.toSeconds() + " 秒で終わりません"
                        + "でした / " + runId + " of " + dagId + " was still " + run.state() + " after " + timeout.toSeconds() + " s");
            }
            sleep();
        }
    }

    /** The lake's DAG that has a run of this id. */
    public Optional<DagRun> findRun(String runId) {
        requireNonNull(runId, "runId is null");
        for (DeliverySchedule schedule : files.schedules()) {
            Optional<DagRun> run = client.findRun(DagFiles.dagId(schedule), runId);
            if (run.isPresent()) {
                return run;
            }
        }
        return Optional.empty();
    }

    /** An import error of the file from a parse after the render; an older one may be of the file before it. */
    private Optional<ImportError> importErrorOf(Path file, Instant rendered) {
        return client.importErrors().stream()
                .filter(error -> error.file().endsWith(file.getFileName().toString()))
                .filter(error -> error.at().map(time -> !time.isBefore(rendered)).orElse(true))
                .findFirst();
    }

    private static String lastLine(String trace) {
        List<String> lines = trace.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while waiting for Airflow", e);
        }
    }
}
