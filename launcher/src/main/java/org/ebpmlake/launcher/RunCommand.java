package org.ebpmlake.launcher;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.quality.BlockedDatasets;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lake run}: the main job on the configured lake. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"メインジョブ：サンプルデータの生成から raw・curated・deid・mart を経てダッシュボードまで一度に実行します。",
            "品質ゲートが止めたバッチがあれば、データセットごとに1行ずつ理由を表示して終了コード " + RunCommand.BLOCKED + " で終わります。",
            "Run the main job: generate the sample sources and take them through raw, curated, deid and mart to the dashboard.",
            "When the quality gate holds a blocked batch, print one line per dataset saying which and why, and exit with "
                + RunCommand.BLOCKED + "."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:すべて合格 / every dataset passed", "1:レイクの障害 / a fault of the platform",
            "2:利用者が直せる誤り / a mistake the person can fix",
            RunCommand.BLOCKED + ":品質ゲートが止めたバッチあり / a batch is blocked by the quality gate"})
final class RunCommand implements Callable<Integer> {
    /** The exit status when a dataset holds a blocked batch: the run did its work, but a steward must act. */
    static final int BLOCKED = 3;

    @ParentCommand
    private Lake lake;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // The key is checked before Spark starts, so a missing key writes nothing at all.
        PseudonymKey key = PseudonymKey.fromEnvironment(lake.environment());
        LakeSettings settings = lake.settings();
        PrintWriter out = spec.commandLine().getOut();
        out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        try (CommandSpark commandSpark = CommandSpark.open(settings)) {
            SparkSession spark = commandSpark.session();
            RunSummary summary = new LakeRun(spark, settings, key, line -> {
                out.println(line);
                out.flush();
            }, Clock.systemUTC()).run();
            out.print(summary.render());
            out.flush();
            List<String> blocked = BlockedDatasets.of(spark, settings, DatasetCatalog.load()).lines();
            if (blocked.isEmpty()) {
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            blocked.forEach(err::println);
            err.flush();
            return BLOCKED;
        }
    }
}
