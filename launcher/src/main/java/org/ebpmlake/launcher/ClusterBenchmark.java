package org.ebpmlake.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.ebpmlake.cluster.ApplicationJar;
import org.ebpmlake.cluster.DriverState;
import org.ebpmlake.cluster.SparkCluster;
import org.ebpmlake.cluster.SparkClusterSettings;
import org.ebpmlake.cluster.SparkSubmission;
import org.ebpmlake.cluster.SubmittedDriver;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeJdbcCatalog;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.catalog.OsAccounts;
import org.ebpmlake.lake.catalog.PostgresServer;
import org.ebpmlake.lake.catalog.PostgresSettings;
import org.ebpmlake.lake.services.GeneratedSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lake bench cluster}: the daily pipeline ({@code ./lake run}) on fresh lakes of the same samples, embedded (local
 * Spark, SQLite catalog) and submitted to the local two-Worker Spark cluster with a PostgreSQL catalog, and the latency of
 * one catalog commit on each catalog. Starts PostgreSQL and the Spark cluster if they are not running (and stops what it
 * started); needs {@code ./lake package} first.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"クラスターのベンチマーク：同じサンプルで ./lake run を組込み（SQLite カタログ）と2ワーカーの Spark クラスター（PostgreSQL カタログ）で実行した所要時間と、カタログのコミット1回の所要時間を表示します。",
            "Benchmark the cluster path: ./lake run on the same samples embedded (SQLite catalog) and on the two-worker Spark cluster"
                + " (PostgreSQL catalog), and the time of one catalog commit on each. Needs ./lake package first."})
final class ClusterBenchmark implements Callable<Integer> {
    private static final String BENCH_KEY = GeneratedSecret.random(32);

    @Spec
    private CommandSpec spec;

    @Option(names = "--scale", defaultValue = "small", description = "tiny, small or city (default: ${DEFAULT-VALUE})")
    private String scale;

    @Option(names = "--commits", defaultValue = "200", description = "commits timed per catalog (default: ${DEFAULT-VALUE})")
    private int commits;

    @Option(names = "--skip-pipeline", description = "only the commit latency / time the catalogs' commits only")
    private boolean skipPipeline;

    @Override
    public Integer call() {
        Lake lake = (Lake) spec.root().userObject();
        Path root = lake.projectDirectory();
        LakeSettings base = lake.settings();
        String chosenScale = scale.trim().toLowerCase(Locale.ROOT);
        if (!List.of("tiny", "small", "city").contains(chosenScale)) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--scale は tiny・small・city / --scale is tiny, small or city, not " + scale);
        }
        ApplicationJar jar = ApplicationJar.builtIn(root);
        PostgresSettings postgresSettings = PostgresSettings.from(base, root, OsAccounts.runningAsRoot(), OsAccounts.host());
        PostgresServer postgres = new PostgresServer(postgresSettings, line -> { });
        SparkCluster cluster = new SparkCluster(SparkClusterSettings.from(base, root), line -> { });
        boolean startedPostgres = !postgres.process().running();
        boolean startedCluster = cluster.processes().stream().noneMatch(process -> process.running());
        Path workspace = base.warehouse().getParent().resolve("bench").resolve("cluster-" + System.currentTimeMillis());
        String database = "bench_" + System.currentTimeMillis();
        OwnerOnlyFiles.createDirectories(workspace);
        try {
            postgres.up(Duration.ofMinutes(2));
            String postgresUrl = postgres.createDatabase(database);
            String password = GeneratedSecret.readOrCreate(postgresSettings.catalogPasswordFile(), 24);
            System.out.printf("クラスター・ベンチマーク / cluster benchmark: scale %s, %d cores on this machine%n", chosenScale,
                    Runtime.getRuntime().availableProcessors());
            if (!skipPipeline) {
                if (!cluster.processes().stream().allMatch(process -> process.running())) {
                    cluster.up(Duration.ofMinutes(2));
                }
                Map<String, String> embedded = lakeIn(workspace.resolve("embedded"), chosenScale);
                double embeddedSeconds = timed(() -> runEmbedded(root, embedded));
                System.out.printf("  %-58s %8.1f s%n", "./lake run, embedded (" + base.sparkMaster() + ", SQLite catalog)", embeddedSeconds);
                Map<String, String> onCluster = lakeIn(workspace.resolve("cluster"), chosenScale);
                onCluster.put("LAKE_ENV", "cluster");
                onCluster.put("LAKE_CATALOG_URI", postgresUrl);
                onCluster.put("LAKE_CATALOG_USER", postgresSettings.user());
                onCluster.put("LAKE_CATALOG_PASSWORD", password);
                onCluster.put("LAKE_SAMPLE_DELIVERIES", "on");
                SparkClusterSettings clusterSettings = SparkClusterSettings.from(base, root);
                double clusterSeconds = timed(() -> {
                    SubmittedDriver driver = SparkSubmission.to(clusterSettings).submit(jar, root, List.of("run"), onCluster, Duration.ofHours(2));
                    if (driver.state() != DriverState.FINISHED) {
                        throw new LakeException(ErrorCategory.INTERNAL, "the run on the cluster ended " + driver.state() + "; see " + driver.log());
                    }
                });
                System.out.printf("  %-58s %8.1f s%n", "./lake run, on the cluster (" + clusterSettings.workers() + " workers, PostgreSQL catalog)",
                        clusterSeconds);
            }
            Path sqliteFile = workspace.resolve("latency.db");
            OwnerOnlyFiles.write(sqliteFile, new byte[0]);
            try (LakeJdbcCatalog sqlite = LakeJdbcCatalog.open("bench", "jdbc:sqlite:" + sqliteFile, workspace.resolve("latency"),
                    Optional.empty(), Optional.empty())) {
                System.out.printf("  %-34s %s%n", "catalog commit, SQLite:", CatalogCommitLatency.measure(sqlite, commits).describe());
            }
            try (LakeJdbcCatalog server = LakeJdbcCatalog.open("bench", postgresUrl, workspace.resolve("latency"),
                    Optional.of(postgresSettings.user()), Optional.of(password))) {
                System.out.printf("  %-34s %s%n", "catalog commit, PostgreSQL:", CatalogCommitLatency.measure(server, commits).describe());
            }
            return 0;
        } finally {
            postgres.dropDatabase(database);
            if (startedCluster) {
                cluster.down();
            }
            if (startedPostgres) {
                postgres.down();
            }
            deleteTree(workspace);
        }
    }

    /** The settings of a fresh lake in {@code folder}, as environment variables for the process that runs it. */
    private static Map<String, String> lakeIn(Path folder, String scale) {
        Map<String, String> environment = new HashMap<>();
        environment.put("LAKE_WAREHOUSE", folder.resolve("lake").toString());
        environment.put("LAKE_SITE", folder.resolve("site").toString());
        environment.put("LAKE_SOURCES", folder.resolve("sources").toString());
        environment.put("LAKE_INBOX", folder.resolve("inbox").toString());
        environment.put("LAKE_SAMPLE_SCALE", scale);
        // A key of this benchmark's own, never one written in the code or the lake's real one.
        environment.put("LAKE_PSEUDONYM_KEY", BENCH_KEY);
        return environment;
    }

    private static void runEmbedded(Path root, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("bench-cluster-embedded-", ".log");
            ProcessBuilder builder = new ProcessBuilder(root.resolve("lake").toString(), "run").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("LAKE_ENV", LakeSettingsLoader.DEFAULT_ENVIRONMENT);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new LakeException(ErrorCategory.INTERNAL, "the embedded run failed; see " + log);
            }
            Files.delete(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run ./lake run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.INTERNAL, "interrupted", e);
        }
    }

    private static double timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static void deleteTree(Path root) {
        try {
            FolderTree.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
