package org.ebpmlake.launcher;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.quality.BlockedDatasets;
import org.ebpmlake.pipelines.run.RunReport;
import org.ebpmlake.pipelines.run.TaskResult;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DeliverySchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lake run}: the pipeline, or part of it, on the configured lake. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"メインジョブ：パイプラインの定義どおりに、取込（サンプルと受付フォルダ）から raw・品質ゲート・curated・deid・mart を経て"
                + "ダッシュボードまで実行します。",
            "品質ゲートが止めたバッチや受け付けなかった納品があれば、データセットごとに1行ずつ理由を表示して終了コード "
                + RunCommand.BLOCKED + " で終わります。",
            "Run the pipeline as defined: ingest the deliveries (samples, then the inbox), then raw, quality gate, curated, deid,"
                + " mart and the dashboard.",
            "When the quality gate holds a blocked batch or a delivery was rejected, print one line per dataset saying which"
                + " and why, and exit with " + RunCommand.BLOCKED + "."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:すべて完了 / every task done, every dataset passed", "1:タスクの失敗・レイクの障害 / a task failed (a fault of the platform)",
            "2:利用者が直せる誤り（またはレイク使用中）/ a mistake the person can fix (or the lake is busy)",
            RunCommand.BLOCKED + ":品質ゲートが止めたバッチ・却下した納品あり / a batch is blocked by the quality gate or a delivery was rejected"})
final class RunCommand implements Callable<Integer> {
    /** The exit status when a batch is held back: the run did its work, but a steward must act. */
    static final int BLOCKED = CommandFailure.HELD_BACK;

    @ParentCommand
    private Lake lake;

    @Spec
    private CommandSpec spec;

    @Option(names = "--task", paramLabel = "TASK",
            description = "このタスクだけ実行（複数可、定義の順に実行）/ run only this task (e.g. ingest.residents); repeatable, run in the definition's order")
    private List<String> tasks = new ArrayList<>();

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
        TaskChoice choice = new TaskChoice(tasks, from, schedule);
        if (waitSeconds < 0) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--wait は 0 以上 / --wait must be 0 or more seconds");
        }
        LakeSettings settings = lake.settings();
        // An unknown task name, and a missing key, are answered before Spark starts: nothing is written at all.
        choice.select(LakeRun.definition(settings));
        PseudonymKey key = PseudonymKey.fromEnvironment(lake.environment());
        PrintWriter out = spec.commandLine().getOut();
        out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        try (CommandSpark commandSpark = CommandSpark.open(settings)) {
            RunSummary summary = new LakeRun(commandSpark.session(), settings, key, line -> {
                out.println(line);
                out.flush();
            }, Clock.systemUTC()).run(choice, runId, Duration.ofSeconds(waitSeconds));
            out.print(summary.render());
            out.flush();
            RunReport report = summary.report();
            refuseIfATaskFailed(report);
            List<String> heldBack = heldBack(report,
                    BlockedDatasets.of(commandSpark.session(), settings, DatasetCatalog.load()).lines());
            if (heldBack.isEmpty()) {
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            heldBack.forEach(err::println);
            err.flush();
            return BLOCKED;
        }
    }

    /** A failed task fails the command: the category of its failure, or a platform fault; the one line names it. */
    private static void refuseIfATaskFailed(RunReport report) {
        if (report.failed().isEmpty()) {
            return;
        }
        Optional<RuntimeException> failure = report.failed().stream().map(TaskResult::failure).flatMap(Optional::stream).findFirst();
        ErrorCategory category = failure.map(CommandFailure::asLakeException).map(LakeException::category)
                .orElse(ErrorCategory.INTERNAL);
        throw new LakeException(category, report.problems().orElseThrow(), failure.orElse(null));
    }

    /**
     * What a steward must act on, one line each: every dataset holding a blocked batch (of this run or an earlier one,
     * from the batch ledger, so it names the batch, its file and the reason), then every delivery this run rejected
     * whole. A scheduler tells "done, but look at the quality page" from "broken" by the exit status.
     */
    private static List<String> heldBack(RunReport report, List<String> blockedDatasets) {
        List<String> lines = new ArrayList<>(blockedDatasets);
        report.heldBack().stream().filter(result -> result.outcome() == Outcome.REJECTED)
                .map(result -> "却下 / rejected: " + result.taskId() + " — " + result.message().lines().findFirst().orElse("").strip())
                .forEach(lines::add);
        if (lines.isEmpty() && !report.heldBack().isEmpty()) {
            lines.add(report.problems().orElseThrow());
        }
        return List.copyOf(lines);
    }
}
