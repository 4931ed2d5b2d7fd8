package org.ebpmlake.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.pipelines.graph.LakePipeline;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TaskDependency;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DeliverySchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DAG files rendered from the definition; Airflow itself imports them in {@code AirflowIT}. */
class DagFilesTest {
    private final PipelineDefinition definition = LakePipeline.define(DatasetCatalog.load(),
            PrivacyPolicy.loadAll(LakeExtension.repositoryRoot().resolve("conf/privacy")));
    private final DagFiles files = new DagFiles(definition, Path.of("/opt/ebpm lake/lake"), Duration.ofSeconds(60), 2,
            Instant.parse("2026-04-01T03:30:00Z"));

    @Test
    void eachScheduleBecomesOneDagWithEveryTaskOfThatScheduleAndTheEdgesBetweenThem() {
        for (DeliverySchedule schedule : DeliverySchedule.values()) {
            String python = files.render(schedule);
            assertThat(python).contains("dag_id=\"" + DagFiles.dagId(schedule) + "\"");
            for (PipelineTask task : definition.scheduled(schedule)) {
                assertThat(python).contains("(\"" + task.id() + "\", " + task.timeout().toSeconds() + ", " + task.retries() + "),");
            }
            for (TaskDependency edge : definition.dependenciesWithin(definition.scheduled(schedule))) {
                assertThat(python).contains("(\"" + edge.upstream() + "\", \"" + edge.downstream() + "\"),");
            }
        }
        assertThat(files.render(DeliverySchedule.MONTHLY)).doesNotContain("\"ingest.students\"").contains("\"deid.residents\"");
    }

    @Test
    void everyTaskCallsTheLakeScriptForItsOwnTaskAndAHeldBackRunIsASkipNotAFailure() {
        String python = files.render(DeliverySchedule.DAILY);

        assertThat(python).contains("LAKE = \"/opt/ebpm lake/lake\"")
                .contains("{shlex.quote(LAKE)} run --task {task_id}")
                .contains("--run-id \"airflow-{{{{ dag.dag_id }}}}-{{{{ run_id }}}}\" --wait {timeout}")
                .contains("skip_on_exit_code=HELD_BACK").contains("HELD_BACK = 3")
                .contains("trigger_rule=\"none_failed\"")
                .contains("CronTriggerTimetable(\"0 2 * * *\", timezone=\"Asia/Tokyo\", run_immediately=False)")
                // Starting when rendered: Airflow schedules nothing before it, so deploying runs no past night at once.
                .contains("start_date=pendulum.datetime(2026, 4, 1, 12, 30, tz=\"Asia/Tokyo\")");
    }

    @Test
    void theRenderedFilesArePython(@TempDir Path folder) throws IOException, InterruptedException {
        for (Path file : files.writeTo(folder)) {
            Process parse = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(parse.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(parse.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(parse.exitValue()).as(file + ": " + output).isZero();
        }
    }

    @Test
    void writingReplacesTheLakesOwnDagFilesAndLeavesOthersAlone(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("ebpm_lake_weekly.py"), "# a schedule the definition no longer has\n");
        Files.writeString(folder.resolve("someone_elses_dag.py"), "# not ours\n");

        List<Path> written = files.writeTo(folder);

        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("ebpm_lake_daily.py", "ebpm_lake_monthly.py", "ebpm_lake_quarterly.py");
        try (Stream<Path> names = Files.list(folder)) {
            assertThat(names.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("ebpm_lake_daily.py",
                    "ebpm_lake_monthly.py", "ebpm_lake_quarterly.py", "someone_elses_dag.py");
        }
    }

    @Test
    void aDagIsNamedByItsScheduleOrItsIdAndAnyOtherNameIsAPersonsMistake() {
        assertThat(DagFiles.scheduleOf("daily")).isEqualTo(DeliverySchedule.DAILY);
        assertThat(DagFiles.scheduleOf("ebpm_lake_quarterly")).isEqualTo(DeliverySchedule.QUARTERLY);
        assertThatThrownBy(() -> DagFiles.scheduleOf("hourly")).isInstanceOf(LakeException.class)
                .hasMessageContaining("ebpm_lake_daily").hasMessageContaining("hourly");
    }

    @Test
    void textBecomesAPythonStringLiteralThatCannotBreakOutOfItsQuotes() {
        assertThat(DagFiles.literal("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }
}
