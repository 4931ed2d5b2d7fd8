package org.ebpmlake.launcher;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.run.RunReport;
import org.ebpmlake.pipelines.run.TaskResult;
import org.ebpmlake.schemas.DeliverySchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lake run}: the pipeline, or part of it, on the configured lake. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"メインジョブ：パイプラインの定義どおりに、取込（サンプルと受付フォルダ）から raw・品質ゲート・curated・deid・mart を経て"
                + "ダッシュボードまで実行します。",
            "Run the pipeline as defined: ingest the deliveries (samples, then the inbox), then raw, quality gate, curated, deid,"
                + " mart and the dashboard.",
            "終了コード / exit status: 0 all done; 3 done, but a quality gate blocked a batch or a delivery was rejected;"
                + " 1 a task failed; 2 a mistake to fix (or the lake is busy)."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Option(names = "--task", paramLabel = "TASK", description = "このタスクだけ実行 / run this one task (e.g. ingest.residents)")
    private Optional<String> task;

    @Option(names = "--from", paramLabel = "TASK",
            description = "このタスクと、それに依存するタスクを実行（失敗からの再開）/ resume: run this task and every task depending on it")
    private Optional<String> from;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "この周期のタスクだけ / only the tasks of one schedule: ${COMPLETION-CANDIDATES}")
    private Optional<DeliverySchedule> schedule;

    @Option(names = "--run-id", paramLabel = "ID", description = "実行ID（Airflow が渡す）/ the run id to record (Airflow passes its own)")
    private Optional<String> runId;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "別の実行がレイクを使用中なら最大この秒数待つ（既定 0：すぐ断る）/ wait this long for another run to let go of the lake"
                    + " (default 0: refuse at once, naming it)")
    private long waitSeconds;

    @Override
    public Integer call() {
        TaskChoice choice = new TaskChoice(task, from, schedule);
        if (waitSeconds < 0) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--wait は 0 以上 / --wait must be 0 or more seconds");
        }
        LakeSettings settings = lake.settings();
        // An unknown task name, and a missing key, are answered before Spark starts: nothing is written at all.
        choice.select(LakeRun.definition(settings));
        PseudonymKey key = PseudonymKey.fromEnvironment(System.getenv());
        System.out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        SparkSession spark = LakeSession.open(settings);
        try {
            RunSummary summary = new LakeRun(spark, settings, key, System.out::println, Clock.systemUTC())
                    .run(choice, runId, Duration.ofSeconds(waitSeconds));
            System.out.print(summary.render());
            refuseIfAnythingWentWrong(summary.report());
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * A failed task fails the command (the category of its failure, or a platform fault); a blocked batch or rejected
     * delivery ends it with {@link ErrorCategory#QUALITY_GATE_BLOCKED}'s own status, so a scheduler can tell "done, but
     * look at the quality page" from "broken". The one line names which.
     */
    private static void refuseIfAnythingWentWrong(RunReport report) {
        Optional<String> problems = report.problems();
        if (problems.isEmpty()) {
            return;
        }
        Optional<RuntimeException> failure = report.failed().stream().map(TaskResult::failure).flatMap(Optional::stream).findFirst();
        if (!report.failed().isEmpty()) {
            ErrorCategory category = failure.map(CommandFailure::asLakeException).map(LakeException::category)
                    .orElse(ErrorCategory.INTERNAL);
            throw new LakeException(category, problems.get(), failure.orElse(null));
        }
        throw new LakeException(ErrorCategory.QUALITY_GATE_BLOCKED, problems.get());
    }
}
