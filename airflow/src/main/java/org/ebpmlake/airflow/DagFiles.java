package org.ebpmlake.airflow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TaskDependency;
import org.ebpmlake.schemas.DeliverySchedule;

/**
 * The pipeline definition as Airflow DAG files: one DAG per schedule, one task per task of that schedule calling
 * {@code ./lake run --task <id>}, and the definition's edges between them. Each task keeps the definition's timeout and
 * retries. Exit status 3 of {@code ./lake run} (a batch blocked, a delivery rejected) marks the task skipped, and every
 * task runs unless a task it depends on failed, so a blocked batch stops nothing but its own promotion, as in the
 * embedded runner.
 */
public final class DagFiles {
    /** Every DAG id of the lake starts so; the files are {@code <dag id>.py}. */
    public static final String PREFIX = "ebpm_lake_";
    /** {@code ./lake run}'s exit status for "done, but something was held back". */
    static final int HELD_BACK = 3;

    private final PipelineDefinition definition;
    private final Path lakeScript;
    private final Duration retryDelay;
    private final int maxActiveTasks;
    private final Instant renderedAt;

    /**
     * @param renderedAt when the files are written: each DAG starts then, so that deploying runs nothing for a time
     *     already past (Airflow's cron trigger without catch-up otherwise runs the latest past time at once)
     */
    public DagFiles(PipelineDefinition definition, Path lakeScript, Duration retryDelay, int maxActiveTasks, Instant renderedAt) {
        this.definition = requireNonNull(definition, "definition is null");
        this.lakeScript = requireNonNull(lakeScript, "lakeScript is null");
        this.retryDelay = requireNonNull(retryDelay, "retryDelay is null");
        if (maxActiveTasks < 1) {
            throw new IllegalArgumentException("maxActiveTasks must be at least 1");
        }
        this.maxActiveTasks = maxActiveTasks;
        this.renderedAt = requireNonNull(renderedAt, "renderedAt is null");
    }

    public static String dagId(DeliverySchedule schedule) {
        return PREFIX + schedule.label();
    }

    /** The schedule of a DAG named by its id ({@code ebpm_lake_daily}) or its schedule ({@code daily}). */
    public static DeliverySchedule scheduleOf(String dag) {
        requireNonNull(dag, "dag is null");
        String name = dag.startsWith(PREFIX) ? dag.substring(PREFIX.length()) : dag;
        return Arrays.stream(DeliverySchedule.values()).filter(schedule -> schedule.label().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "DAG " + dag + " はありません / no DAG "
                        + dag + "; the lake's DAGs are " + String.join(", ", Arrays.stream(DeliverySchedule.values()).map(DagFiles::dagId).toList())));
    }

    /** The DAGs of the schedules that have tasks. */
    public List<DeliverySchedule> schedules() {
        return Arrays.stream(DeliverySchedule.values()).filter(schedule -> !definition.scheduled(schedule).isEmpty()).toList();
    }

    /** Writes every DAG file into the folder and removes the lake's files of schedules that no longer have tasks. */
    public List<Path> writeTo(Path dagFolder) {
        requireNonNull(dagFolder, "dagFolder is null");
        List<Path> written = new ArrayList<>();
        try {
            OwnerOnlyFiles.createDirectories(dagFolder);
            for (DeliverySchedule schedule : schedules()) {
                Path file = dagFolder.resolve(dagId(schedule) + ".py");
                // Written beside and moved into place, so Airflow never parses half a file.
                Path partial = dagFolder.resolve("." + file.getFileName() + ".partial");
                OwnerOnlyFiles.writeString(partial, render(schedule));
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(file);
            }
            try (Stream<Path> files = Files.list(dagFolder)) {
                for (Path stale : files.filter(file -> file.getFileName().toString().startsWith(PREFIX) && !written.contains(file)).toList()) {
                    Files.delete(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DAG files into " + dagFolder, e);
        }
        return List.copyOf(written);
    }

    /** The Python of one schedule's DAG. */
    public String render(DeliverySchedule schedule) {
        requireNonNull(schedule, "schedule is null");
        List<PipelineTask> tasks = definition.scheduled(schedule);
        StringBuilder python = new StringBuilder();
        python.append("# ebpm-lake: the ").append(schedule.label()).append(" tasks of the pipeline, as one Airflow DAG.\n")
                .append("# Generated by ./lake airflow render from the pipeline definition (org.ebpmlake.pipelines.graph.LakePipeline).\n")
                .append("# Change the definition, not this file: the next render replaces it.\n")
                .append("import shlex\n")
                .append("from datetime import timedelta\n\n")
                .append("import pendulum\n")
                .append("from airflow.providers.standard.operators.bash import BashOperator\n")
                .append("from airflow.sdk import DAG\n")
                .append("from airflow.timetables.trigger import CronTriggerTimetable\n\n")
                .append("LAKE = ").append(literal(lakeScript.toString())).append('\n')
                .append("# ./lake run exits with this status when it finished but held something back: Airflow marks the task skipped.\n")
                .append("HELD_BACK = ").append(HELD_BACK).append("\n\n")
                .append("# (task id, timeout in seconds, retries), in the definition's order.\n")
                .append("TASKS = [\n");
        for (PipelineTask task : tasks) {
            python.append("    (").append(literal(task.id())).append(", ").append(task.timeout().toSeconds()).append(", ")
                    .append(task.retries()).append("),\n");
        }
        python.append("]\n")
                .append("# Each edge: the second task reads what the first writes.\n")
                .append("EDGES = [\n");
        for (TaskDependency edge : definition.dependenciesWithin(tasks)) {
            python.append("    (").append(literal(edge.upstream())).append(", ").append(literal(edge.downstream())).append("),\n");
        }
        python.append("]\n\n")
                .append("with DAG(\n")
                .append("    dag_id=").append(literal(dagId(schedule))).append(",\n")
                .append("    description=").append(literal("ebpm-lake: " + schedule.label() + " deliveries through raw, curated, deid and"
                        + " mart to the site")).append(",\n")
                .append("    # Deploying (unpausing) does not start a run for a time already past: the next run is the next time due.\n")
                .append("    schedule=CronTriggerTimetable(").append(literal(cron(schedule)))
                .append(", timezone=\"Asia/Tokyo\", run_immediately=False),\n")
                .append("    start_date=pendulum.datetime(").append(startDate()).append(", tz=\"Asia/Tokyo\"),\n")
                .append("    catchup=False,\n")
                .append("    max_active_runs=1,\n")
                .append("    max_active_tasks=").append(maxActiveTasks).append(",\n")
                .append("    tags=[\"ebpm-lake\", ").append(literal(schedule.label())).append("],\n")
                .append(") as dag:\n")
                .append("    operators = {\n")
                .append("        task_id: BashOperator(\n")
                .append("            task_id=task_id,\n")
                .append("            # Every task is a ./lake run of its own; it waits for the lake's run lock as long as it may run.\n")
                .append("            bash_command=f'{shlex.quote(LAKE)} run --task {task_id}'\n")
                .append("            f' --run-id \"airflow-{{{{ dag.dag_id }}}}-{{{{ run_id }}}}\" --wait {timeout}',\n")
                .append("            execution_timeout=timedelta(seconds=timeout),\n")
                .append("            retries=retries,\n")
                .append("            retry_delay=timedelta(seconds=").append(retryDelay.toSeconds()).append("),\n")
                .append("            skip_on_exit_code=HELD_BACK,\n")
                .append("            trigger_rule=\"none_failed\",\n")
                .append("        )\n")
                .append("        for task_id, timeout, retries in TASKS\n")
                .append("    }\n")
                .append("    for upstream, downstream in EDGES:\n")
                .append("        operators[upstream] >> operators[downstream]\n");
        return python.toString();
    }

    /** The render time in Tokyo, to the minute, as pendulum.datetime's arguments. */
    private String startDate() {
        ZonedDateTime tokyo = renderedAt.atZone(ZoneId.of("Asia/Tokyo"));
        return tokyo.getYear() + ", " + tokyo.getMonthValue() + ", " + tokyo.getDayOfMonth() + ", " + tokyo.getHour() + ", "
                + tokyo.getMinute();
    }

    /** Nightly in Tokyo time, after the night's deliveries: daily at 02:00, monthly on the 1st, quarterly at each quarter's start. */
    static String cron(DeliverySchedule schedule) {
        return switch (schedule) {
            case DAILY -> "0 2 * * *";
            case MONTHLY -> "0 3 1 * *";
            case QUARTERLY -> "0 4 1 1,4,7,10 *";
        };
    }

    /** A Python string literal: double-quoted, with backslashes, quotes and control characters escaped. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (character < 0x20) {
                        out.append(String.format("\\x%02x", (int) character));
                    } else {
                        out.append(character);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
