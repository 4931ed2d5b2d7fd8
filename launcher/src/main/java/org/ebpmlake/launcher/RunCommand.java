package org.ebpmlake.launcher;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lake run}: the main job on the configured lake. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"メインジョブ：サンプルデータの生成から raw・curated・deid・mart を経てダッシュボードまで一度に実行します。",
            "Run the main job: generate the sample sources and take them through raw, curated, deid and mart to the dashboard."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Override
    public Integer call() {
        // The key is checked before Spark starts, so a missing key writes nothing at all.
        PseudonymKey key = PseudonymKey.fromEnvironment(System.getenv());
        LakeSettings settings = lake.settings();
        System.out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        SparkSession spark = LakeSession.open(settings);
        try {
            RunSummary summary = new LakeRun(spark, settings, key, System.out::println, Clock.systemUTC()).run();
            System.out.print(summary.render());
            return 0;
        } finally {
            spark.stop();
        }
    }
}
