package org.ebpmlake.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.ebpmlake.airflow.AirflowClient;
import org.ebpmlake.airflow.AirflowClient.Dag;
import org.ebpmlake.airflow.AirflowClient.DagRun;
import org.ebpmlake.airflow.AirflowClient.TaskInstance;
import org.ebpmlake.airflow.AirflowServer;
import org.ebpmlake.airflow.AirflowSettings;
import org.ebpmlake.airflow.DagFiles;
import org.ebpmlake.airflow.LakeDags;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lake airflow render|deploy|trigger|status|logs}: the pipeline definition as Airflow DAGs, and their runs. */
@Command(name = "airflow", mixinStandardHelpOptions = true,
        description = {"パイプラインの定義を Airflow の DAG（周期ごとに1つ）にして配備・実行・確認します。",
            "The pipeline definition as Airflow DAGs (one per schedule): render, deploy, trigger, and read runs and logs."},
        subcommands = {AirflowCommand.Render.class, AirflowCommand.Deploy.class, AirflowCommand.Trigger.class,
            AirflowCommand.Status.class, AirflowCommand.Logs.class})
final class AirflowCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    LakeDags dags() {
        LakeSettings settings = lake.settings();
        AirflowSettings airflow = AirflowSettings.from(settings, lake.projectDirectory());
        Clock clock = Clock.systemUTC();
        DagFiles files = new DagFiles(LakeRun.definition(settings), airflow.lakeScript(),
                Duration.ofSeconds(settings.intOption("lake.pipeline.retry-delay-seconds", 60)), airflow.parallelism(), clock.instant());
        return new LakeDags(files, airflow.dagFolder(), client(), clock);
    }

    AirflowClient client() {
        return new AirflowServer(AirflowSettings.from(lake.settings(), lake.projectDirectory()), System.out::println).client();
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"DAG ファイルを Airflow の DAG フォルダに書き出します。", "Write the DAG files into Airflow's DAG folder."})
    static final class Render implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Override
        public Integer call() {
            for (Path file : parent.dags().render()) {
                System.out.println("DAG ファイル / DAG file: " + file);
            }
            return 0;
        }
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = {"DAG を書き出し、Airflow が読み込めたことを確かめて有効にします。",
                "Render the DAGs, wait until Airflow has imported them without error, and unpause them."})
    static final class Deploy implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "読み込みを待つ秒数 / how long to wait for the import")
        long timeoutSeconds;

        @Override
        public Integer call() {
            parent.dags().deploy(Duration.ofSeconds(timeoutSeconds), System.out::println);
            return 0;
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true,
            description = {"DAG を今すぐ実行します（--wait で終了まで待つ）。", "Run a DAG now (with --wait, until it ends)."})
    static final class Trigger implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Parameters(paramLabel = "DAG", description = "daily, monthly, quarterly（または ebpm_lake_daily など / or the DAG id）")
        String dag;

        @Option(names = "--wait", description = "終了まで待ち、タスクごとの結果を表示 / wait for the run to end and show each task")
        boolean await;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "7200", description = "--wait の上限秒数 / how long --wait waits")
        long timeoutSeconds;

        @Override
        public Integer call() {
            LakeDags dags = parent.dags();
            DagRun run = dags.trigger(DagFiles.scheduleOf(dag));
            System.out.println("実行を開始しました / triggered " + run.dagId() + " run " + run.runId());
            if (!await) {
                return 0;
            }
            DagRun ended = dags.awaitFinished(run.dagId(), run.runId(), Duration.ofSeconds(timeoutSeconds));
            printTasks(parent.client().taskInstances(ended.dagId(), ended.runId()));
            System.out.println(ended.dagId() + " " + ended.runId() + ": " + ended.state());
            if (!ended.state().equals("success")) {
                throw new LakeException(ErrorCategory.INTERNAL, ended.dagId() + " の実行 " + ended.runId() + " は失敗しました。"
                        + "./lake airflow logs " + ended.runId() + " で確認してください / the run failed: read ./lake airflow logs " + ended.runId());
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"DAG と最近の実行の状態を表示します。", "Show the lake's DAGs and their latest runs (with a DAG: its tasks too)."})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Parameters(paramLabel = "DAG", arity = "0..1", description = "この DAG の最近の実行とタスク / this DAG's latest runs and tasks")
        String dag;

        @Override
        public Integer call() {
            AirflowClient client = parent.client();
            if (dag == null) {
                List<Dag> dags = client.dags().stream().filter(found -> found.dagId().startsWith(DagFiles.PREFIX)).toList();
                if (dags.isEmpty()) {
                    System.out.println("DAG がありません / no DAG of the lake in Airflow: run ./lake airflow deploy");
                }
                for (Dag found : dags) {
                    String latest = client.runs(found.dagId(), 1).stream().findFirst()
                            .map(run -> run.runId() + " " + run.state()).orElse("-");
                    System.out.printf("%-22s %-8s latest run: %s%n", found.dagId(), found.paused() ? "paused" : "active", latest);
                }
                return 0;
            }
            String dagId = DagFiles.dagId(DagFiles.scheduleOf(dag));
            List<DagRun> runs = client.runs(dagId, 5);
            for (DagRun run : runs) {
                System.out.printf("%-50s %-8s started %s ended %s%n", run.runId(), run.state(),
                        run.startedAt().map(Object::toString).orElse("-"), run.endedAt().map(Object::toString).orElse("-"));
            }
            if (!runs.isEmpty()) {
                printTasks(client.taskInstances(dagId, runs.get(0).runId()));
            }
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = {"実行のタスクのログを表示します（既定：失敗したタスクの全試行）。",
                "Print the logs of a run's tasks (by default every attempt of each task that did not succeed)."})
    static final class Logs implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Parameters(paramLabel = "RUN", description = "実行ID（trigger・status が表示）/ the run id that trigger and status print")
        String runId;

        @Option(names = "--task", paramLabel = "TASK", description = "このタスクだけ / only this task")
        String task;

        @Option(names = "--all", description = "すべてのタスク / every task")
        boolean all;

        @Override
        public Integer call() {
            DagRun run = parent.dags().findRun(runId).orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME,
                    "実行 " + runId + " はありません / no run " + runId + " in the lake's DAGs (./lake airflow status lists them)"));
            AirflowClient client = parent.client();
            for (TaskInstance instance : client.taskInstances(run.dagId(), run.runId())) {
                if (!chosen(instance)) {
                    continue;
                }
                for (int attempt = 1; attempt <= instance.tryNumber(); attempt++) {
                    System.out.printf("==== %s %s try %d of %d (%s) ====%n", run.dagId(), instance.taskId(), attempt,
                            instance.tryNumber(), instance.state());
                    System.out.print(client.log(run.dagId(), run.runId(), instance.taskId(), attempt));
                }
            }
            return 0;
        }

        private boolean chosen(TaskInstance instance) {
            if (task != null) {
                return instance.taskId().equals(task);
            }
            return all || !instance.state().equals("success");
        }
    }

    private static void printTasks(List<TaskInstance> instances) {
        for (TaskInstance instance : instances.stream().sorted(Comparator.comparing(TaskInstance::taskId)).toList()) {
            String seconds = "-";
            if (instance.startedAt().isPresent() && instance.endedAt().isPresent()) {
                seconds = String.format("%.1f s", Duration.between(instance.startedAt().get(), instance.endedAt().get()).toMillis() / 1000.0);
            }
            System.out.printf("  %-34s %-16s tries %d  %s%n", instance.taskId(), instance.state(), instance.tryNumber(), seconds);
        }
    }
}
