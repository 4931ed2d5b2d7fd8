package org.ebpmlake.launcher;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.ebpmlake.cluster.ApplicationJar;
import org.ebpmlake.cluster.SparkClusterSettings;
import org.ebpmlake.cluster.SparkSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lake package}: the application jar for {@code spark-submit} and the Spark of the local cluster. The
 * {@code ./lake} script builds both itself (Maven's {@code package} profile) before it runs this command, which says
 * where they are and how to submit the jar.
 */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"spark-submit 用のアプリケーション jar（Spark と Scala はクラスターのもの）とローカルクラスター用の Spark を作り、場所と投入コマンドを表示します。",
            "Build the application jar for spark-submit (Spark and Scala left to the cluster) and the Spark of the local cluster"
                + " (./lake services up spark); print where they are and the spark-submit line."})
final class PackageCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Override
    public Integer call() {
        ApplicationJar jar = ApplicationJar.builtIn(lake.projectDirectory());
        SparkClusterSettings cluster = SparkClusterSettings.from(lake.settings(), lake.projectDirectory());
        System.out.printf(Locale.ROOT, "アプリケーション jar / application jar: %s (%.0f MB)%n", jar.file(), jar.size() / 1e6);
        System.out.println("ローカルクラスターの Spark / Spark of the local cluster: " + cluster.sparkHome()
                + " (./lake services up spark)");
        System.out.println("spark-submit --master " + cluster.masterUrl() + " --deploy-mode cluster --conf spark.authenticate=true"
                + " --conf spark.standalone.submit.waitAppCompletion=true"
                + " --conf \"spark.driver.extraJavaOptions=" + String.join(" ", SparkSubmission.driverJavaOptions(lake.projectDirectory())) + "\""
                + " --class " + Lake.class.getName() + " " + jar.file() + " run");
        System.out.println("  (LAKE_HOME=" + lake.projectDirectory() + " and the lake's LAKE_* settings reach the driver from spark-submit's"
                + " environment, the cluster's secret too: _SPARK_AUTH_SECRET=\"$(cat " + cluster.secretFile() + ")\")");
        return 0;
    }
}
