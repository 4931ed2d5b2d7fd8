package org.ebpmlake.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.run.RunLock;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.audit.QueryLogCollector;
import org.ebpmlake.sql.trino.TrinoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lake audit}: moves the SQL audit events received from Trino into {@code ops.query_log}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Trino から受け取った問合せ記録を ops.query_log に取り込みます。",
            "Collect the SQL audit events received from Trino into ops.query_log."})
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Override
    public Integer call() {
        LakeSettings settings = lake.settings();
        SqlServices services = new SqlServices(settings, TrinoSettings.from(settings, lake.projectDirectory()), System.out::println);
        SparkSession spark = LakeSession.open(settings);
        try (RunLock lock = RunLock.acquire(spark, settings, "audit-" + Instant.now(), Duration.ZERO, Clock.systemUTC(),
                System.out::println)) {
            new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
            long events = new QueryLogCollector(spark, settings, services.users()).collect(services.auditSpool());
            System.out.println("監査イベント / audit events read: " + events + " → " + QueryLogCollector.TABLE);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
