package org.ebpmlake.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.query.SparkSqlEngine;
import org.ebpmlake.sql.query.SqlBenchmark;
import org.ebpmlake.sql.query.TrinoSqlEngine;
import org.ebpmlake.sql.trino.TrinoConfiguration;
import org.ebpmlake.sql.trino.TrinoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lake bench sql}: median and p95 latency of the planner queries, via Trino and via embedded Spark SQL. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"計画担当の定型クエリの応答時間（中央値・p95）を Trino と組み込み Spark SQL で比較します。",
            "Median and p95 latency of fixed planner queries, via Trino and via embedded Spark SQL, side by side."})
final class SqlBenchmarkCommand implements Callable<Integer> {
    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--repetitions", defaultValue = "20", description = "各クエリの計測回数 / runs per query (default ${DEFAULT-VALUE})")
    private int repetitions;

    @Override
    public Integer call() {
        LakeSettings settings = bench.lake.settings();
        TrinoSettings trinoSettings = TrinoSettings.from(settings, bench.lake.projectDirectory());
        SqlServices services = new SqlServices(settings, trinoSettings, System.err::println);
        SqlBenchmark benchmark = new SqlBenchmark(repetitions);
        List<SqlBenchmark.Latency> trino = List.of();
        if (services.trinoHealthy()) {
            try (TrinoSqlEngine engine = new TrinoSqlEngine(trinoSettings.jdbcUrl(settings.catalogName()),
                    services.users().firstOf(Role.PLANNER), services.configuration().trustStore(), TrinoConfiguration.trustStorePassword())) {
                trino = benchmark.measure(engine);
            }
        } else {
            System.out.println("Trino は停止中です（./lake services up で起動） / Trino is down: start it with ./lake services up");
        }
        SparkSession spark = LakeSession.openExisting(settings);
        List<SqlBenchmark.Latency> sparkLatencies;
        try {
            sparkLatencies = benchmark.measure(new SparkSqlEngine(spark, settings, Role.PLANNER));
            long residents = spark.table(settings.catalogName() + ".deid.residents").count();
            System.out.printf("deid.residents: %,d rows; %d runs per query after one warm-up%n", residents, repetitions);
        } finally {
            spark.stop();
        }
        System.out.printf("%-22s %14s %14s %14s %14s%n", "query", "trino median", "trino p95", "spark median", "spark p95");
        for (int index = 0; index < sparkLatencies.size(); index++) {
            SqlBenchmark.Latency embedded = sparkLatencies.get(index);
            String trinoMedian = trino.isEmpty() ? "-" : String.format("%.1f ms", trino.get(index).medianMillis());
            String trinoP95 = trino.isEmpty() ? "-" : String.format("%.1f ms", trino.get(index).p95Millis());
            System.out.printf("%-22s %14s %14s %14s %14s%n", embedded.query(), trinoMedian, trinoP95,
                    String.format("%.1f ms", embedded.medianMillis()), String.format("%.1f ms", embedded.p95Millis()));
        }
        return 0;
    }
}
