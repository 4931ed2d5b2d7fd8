package org.ebpmlake.launcher;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.ebpmlake.airflow.AirflowClient;
import org.ebpmlake.airflow.AirflowClient.DagRun;
import org.ebpmlake.airflow.AirflowClient.DagTask;
import org.ebpmlake.airflow.AirflowClient.TaskInstance;
import org.ebpmlake.airflow.AirflowServer;
import org.ebpmlake.airflow.AirflowSettings;
import org.ebpmlake.airflow.DagFiles;
import org.ebpmlake.airflow.LakeDags;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.ListeningSockets;
import org.ebpmlake.lake.ResidentMemory;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TaskDependency;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DeliverySchedule;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Apache Airflow 3 (installed from PyPI into the project's var/services on first use), started on 127.0.0.1
 * with SQLite metadata in a temporary home, running the DAGs rendered from the pipeline definition on a temporary
 * lake of tiny samples. The tests follow one another like a steward's week: deploy, a monthly run that fails and is
 * retried, the embedded runner resuming it, then the daily DAG.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AirflowIT {
    private static final String BROKEN = "WHERE no_such_column_forced_to_fail = 1";

    private TemporaryLake lake;
    private Map<String, String> environment;
    private Path residentsPolicy;
    private String policyAsDelivered;
    private PipelineDefinition definition;
    private AirflowServer airflow;
    private AirflowClient client;
    private LakeDags dags;

    @BeforeAll
    void startAirflowOnATemporaryLake(TemporaryLake temporaryLake) throws IOException {
        Path root = LakeExtension.repositoryRoot();
        Path policies = temporaryLake.directory().resolve("privacy");
        FolderCopy.copy(root.resolve("conf/privacy"), policies, StandardCopyOption.REPLACE_EXISTING);
        residentsPolicy = policies.resolve("residents.yaml");
        policyAsDelivered = Files.readString(residentsPolicy, StandardCharsets.UTF_8);
        lake = new TemporaryLake(temporaryLake.settings().withOption("lake.privacy.policies", policies.toString())
                .withOption("lake.sample.scale", "tiny"), temporaryLake.spark(), temporaryLake.directory());
        Map<String, String> lakeEnvironment = new HashMap<>(LakeScript.environmentOf(lake));
        // Many short JVMs on tiny data: the quick compiler only (the figures in the README say what it saves).
        lakeEnvironment.put("LAKE_JVM_OPTIONS", "-XX:TieredStopAtLevel=1");
        environment = Map.copyOf(lakeEnvironment);
        definition = LakeRun.definition(lake.settings());

        LakeSettings repository = new LakeSettingsLoader(root, Map.of()).load();
        AirflowSettings shared = AirflowSettings.from(repository, root);
        Path services = lake.directory().resolve("services/airflow");
        AirflowSettings settings = new AirflowSettings(shared.environment(), shared.lockFile(), services.resolve("home"), freePort(), 2,
                lake.directory().resolve("secrets/airflow-passwords.json"), root.resolve("lake"));
        airflow = new AirflowServer(settings, environment, System.out::println);
        long started = System.nanoTime();
        airflow.up(Duration.ofMinutes(4));
        System.out.printf("Airflow up (install if needed, metadata, three processes) in %.1f s%n", (System.nanoTime() - started) / 1e9);
        client = airflow.client();
        dags = new LakeDags(new DagFiles(definition, settings.lakeScript(), Duration.ofSeconds(2), settings.parallelism(),
                Instant.now()),
                settings.dagFolder(), client, Clock.systemUTC());
        dags.deploy(Duration.ofMinutes(3), System.out::println);
        System.out.printf("Airflow idle after deploy: %d MiB resident (API server, scheduler, DAG processor and their children)%n",
                ResidentMemory.mebibytes(airflow.processIds()));
    }

    @AfterAll
    void stopAirflow() throws IOException {
        if (airflow != null) {
            airflow.down();
        }
        Files.writeString(residentsPolicy, policyAsDelivered, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void airflowImportsEveryRenderedDagAndEachHasTheDefinitionsTasksAndEdges() {
        assertThat(client.importErrors()).noneMatch(error -> error.file().contains(DagFiles.PREFIX));
        for (DeliverySchedule schedule : DeliverySchedule.values()) {
            List<PipelineTask> tasks = definition.scheduled(schedule);
            List<DagTask> dagTasks = client.tasks(DagFiles.dagId(schedule));

            assertThat(dagTasks).extracting(DagTask::taskId).containsExactlyInAnyOrderElementsOf(tasks.stream().map(PipelineTask::id).toList());
            Set<TaskDependency> edges = dagTasks.stream().flatMap(task -> task.downstream().stream()
                    .map(downstream -> new TaskDependency(task.taskId(), downstream))).collect(Collectors.toSet());
            assertThat(edges).as("edges of %s", schedule).containsExactlyInAnyOrderElementsOf(definition.dependenciesWithin(tasks));
            for (PipelineTask task : tasks) {
                DagTask dagTask = dagTasks.stream().filter(found -> found.taskId().equals(task.id())).findFirst().orElseThrow();
                assertThat(dagTask.retries()).as("retries of %s", task.id()).isEqualTo(task.retries());
                assertThat(dagTask.timeout()).as("timeout of %s", task.id()).contains(task.timeout());
                assertThat(dagTask.triggerRule()).isEqualTo("none_failed");
            }
        }
    }

    @Test
    @Order(2)
    void nothingOfAirflowListensBeyondTheLoopbackInterface() {
        // The API server's workers and the executor's task processes are children: their sockets count too.
        List<String> listening = ListeningSockets.of(airflow.processIds().stream().mapToLong(Long::longValue).toArray());

        assertThat(listening).isNotEmpty().allSatisfy(socket -> assertThat(ListeningSockets.isLoopback(socket)).as(socket).isTrue());
    }

    @Test
    @Order(3)
    void aTaskForcedToFailIsRetriedThenReportedFailedThroughTheClientWithItsLog() throws IOException {
        Files.writeString(residentsPolicy, policyAsDelivered.replace("FROM ${curated}.residents", "FROM ${curated}.residents " + BROKEN),
                StandardCharsets.UTF_8);
        DagRun run = dags.trigger(DeliverySchedule.MONTHLY);
        DagRun ended = dags.awaitFinished(run.dagId(), run.runId(), Duration.ofMinutes(10));

        assertThat(ended.state()).isEqualTo("failed");
        Map<String, TaskInstance> instances = client.taskInstances(ended.dagId(), ended.runId()).stream()
                .collect(Collectors.toMap(TaskInstance::taskId, instance -> instance));
        assertThat(instances.get("deid.residents").state()).isEqualTo("failed");
        assertThat(instances.get("deid.residents").tryNumber()).isEqualTo(2);
        for (String finished : List.of("ingest.residents", "quality.residents", "promote.residents")) {
            assertThat(instances.get(finished).state()).as(finished).isEqualTo("success");
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(client.log(ended.dagId(), ended.runId(), "deid.residents", attempt)).as("log of attempt %d", attempt)
                    .contains("run --task deid.residents").contains("no_such_column_forced_to_fail").contains("FAILED");
        }
        assertThat(lake.count("deid.residents")).isZero();
        assertThat(lake.count("curated.residents")).isPositive();
    }

    @Test
    @Order(4)
    void theEmbeddedRunnerResumesFromTheFailedTaskWithoutRedoingTheFinishedOnes() throws IOException, InterruptedException {
        Files.writeString(residentsPolicy, policyAsDelivered, StandardCharsets.UTF_8);
        long rawCommits = snapshots("raw.residents");
        long curatedCommits = snapshots("curated.residents");

        Finished resumed = LakeScript.run(environment, "run", "--from", "deid.residents", "--run-id", "resume-deid-residents");

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        List<String> ranTables = lake.spark().table(lake.table("ops.runs")).where(col("run_id").equalTo("resume-deid-residents"))
                .select("table_name").collectAsList().stream().map(row -> row.getString(0)).toList();
        // Setup and maintenance record "-"; between them only the resumed task and the site that reads it.
        assertThat(ranTables).containsExactlyInAnyOrder("-", "deid.residents", "index.html", "-");
        assertThat(lake.count("deid.residents")).isPositive();
        assertThat(snapshots("raw.residents")).isEqualTo(rawCommits);
        assertThat(snapshots("curated.residents")).isEqualTo(curatedCommits);
    }

    @Test
    @Order(5)
    void theDailyDagTriggeredThroughTheClientSucceedsAndLeavesTheRowsAnEmbeddedRunLeaves(TemporaryLake embedded)
            throws IOException, InterruptedException {
        Finished quarterly = LakeScript.run(environment, "run", "--schedule", "quarterly");
        assertThat(quarterly.exitCode()).as(quarterly.output()).isZero();

        Instant triggered = Instant.now();
        DagRun run = dags.trigger(DeliverySchedule.DAILY);
        DagRun ended = dags.awaitFinished(run.dagId(), run.runId(), Duration.ofMinutes(25));
        System.out.printf("daily DAG on tiny data: trigger to %s in %.1f s%n", ended.state(),
                Duration.between(triggered, Instant.now()).toMillis() / 1000.0);
        printTaskDurations(ended);

        assertThat(ended.state()).as("daily run; tasks: %s", client.taskInstances(ended.dagId(), ended.runId())).isEqualTo("success");
        LakeSettings same = embedded.settings().withOption("lake.privacy.policies", lake.settings().option("lake.privacy.policies").orElseThrow())
                .withOption("lake.sample.scale", "tiny");
        new LakeRun(embedded.spark(), same, PseudonymKey.of(LakeScript.KEY), line -> { }, Clock.systemUTC()).run();
        for (ZoneTable table : DatasetCatalog.load().tables()) {
            if (table.name().zone() == Zone.OPS) {
                continue;
            }
            String name = table.name().toString();
            assertThat(lake.count(name)).as("rows of %s after Airflow's runs and after one embedded run", name)
                    .isEqualTo(embedded.count(name));
        }
        assertThat(lake.count("mart.kpi_progress")).isPositive();
        assertThat(lake.settings().siteDirectory().resolve("index.html")).exists();
    }

    private void printTaskDurations(DagRun run) {
        for (TaskInstance instance : client.taskInstances(run.dagId(), run.runId())) {
            if (instance.startedAt().isPresent() && instance.endedAt().isPresent()) {
                System.out.printf("  %-30s %-8s %5.1f s%n", instance.taskId(), instance.state(),
                        Duration.between(instance.startedAt().get(), instance.endedAt().get()).toMillis() / 1000.0);
            }
        }
    }

    private long snapshots(String table) {
        List<Row> rows = lake.spark().sql("SELECT count(*) FROM " + lake.table(table) + ".snapshots").collectAsList();
        return rows.get(0).getLong(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
