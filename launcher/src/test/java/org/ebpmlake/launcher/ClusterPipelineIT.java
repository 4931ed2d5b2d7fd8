package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.cluster.ApplicationJar;
import org.ebpmlake.cluster.DriverState;
import org.ebpmlake.cluster.SparkClusterSettings;
import org.ebpmlake.cluster.SparkSubmission;
import org.ebpmlake.cluster.SubmittedDriver;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.lake.catalog.OsAccounts;
import org.ebpmlake.lake.catalog.PostgresServer;
import org.ebpmlake.lake.catalog.PostgresSettings;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.ebpmlake.launcher.TableFingerprints.Fingerprint;
import org.ebpmlake.sql.trino.TrinoInstallation;
import org.ebpmlake.sql.trino.TrinoSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's proof: the daily pipeline ({@code ./lake run}) on the {@code small} samples, once embedded (local Spark,
 * SQLite catalog) and once submitted in cluster deploy mode to a real Spark standalone cluster of two Workers with the
 * cluster environment's PostgreSQL catalog, ends in the same lake: per table the same row count, the same order-free
 * checksum, and the same rows by spark-testing-base's DataFrame equality. Then the embedded lake is carried over to
 * PostgreSQL by {@code ./lake catalog migrate}, verified, and a second migration changes no table.
 */
@ExtendWith(LakeExtension.class)
class ClusterPipelineIT {
    @Test
    void theDailyPipelineOnTheClusterWithAPostgresCatalogEndsInTheSameLakeAsEmbedded(TemporaryLake embedded, @TempDir Path directory)
            throws Exception {
        Path root = LakeExtension.repositoryRoot();
        Finished packaged = LakeScript.run(Map.of(), "package");
        assertThat(packaged.exitCode()).as(packaged.output()).isZero();

        // PostgreSQL as ./lake services up postgres starts it, on a port and with secrets of this test's own.
        LakeSettings services = new LakeSettingsLoader(root, Map.of()).load()
                .withOption("lake.services.directory", directory.resolve("services").toString())
                .withOption("lake.postgres.secrets-directory", directory.resolve("secrets").toString())
                .withOption("lake.postgres.port", Integer.toString(freePort()));
        PostgresSettings postgresSettings = PostgresSettings.from(services, root, OsAccounts.runningAsRoot(), OsAccounts.host());
        PostgresServer postgres = new PostgresServer(postgresSettings, line -> { });

        Map<String, String> common = new HashMap<>(LakeScript.environmentOf(embedded));
        common.put("LAKE_SAMPLE_SCALE", "small");
        common.put("LAKE_JVM_HEAP", "3g");
        common.put("LAKE_SERVICES_DIRECTORY", directory.resolve("services").toString());
        common.put("LAKE_SPARK_CLUSTER_MASTER_PORT", Integer.toString(freePort()));
        common.put("LAKE_SPARK_CLUSTER_MASTER_UI_PORT", Integer.toString(freePort()));
        common.put("LAKE_SPARK_CLUSTER_SECRET_FILE", directory.resolve("secrets/spark-cluster.secret").toString());
        SparkClusterSettings clusterSettings = SparkClusterSettings.from(new LakeSettingsLoader(root, common).load(), root);
        try {
            postgres.up(Duration.ofMinutes(2));
            String catalogPassword = Files.readString(postgresSettings.catalogPasswordFile()).strip();
            Finished up = LakeScript.run(common, "services", "up", "spark");
            assertThat(up.exitCode()).as(up.output()).isZero();

            long started = System.nanoTime();
            Finished local = LakeScript.run(common, "run");
            assertThat(local.exitCode()).as(local.output()).isZero();
            long embeddedSeconds = seconds(started);

            // The cluster environment: conf/cluster.properties, its warehouse given (as it must be), the samples delivered.
            Path clusterLake = directory.resolve("cluster");
            Map<String, String> cluster = new HashMap<>(common);
            cluster.put("LAKE_ENV", "cluster");
            cluster.put("LAKE_CATALOG_NAME", "lake_on_cluster");
            cluster.put("LAKE_CATALOG_URI", postgresSettings.jdbcUrl());
            cluster.put("LAKE_CATALOG_PASSWORD", catalogPassword);
            cluster.put("LAKE_WAREHOUSE", clusterLake.resolve("lake").toString());
            cluster.put("LAKE_SITE", clusterLake.resolve("site").toString());
            cluster.put("LAKE_SOURCES", clusterLake.resolve("sources").toString());
            cluster.put("LAKE_INBOX", clusterLake.resolve("inbox").toString());
            cluster.put("LAKE_SAMPLE_DELIVERIES", "on");
            started = System.nanoTime();
            SubmittedDriver driver = SparkSubmission.to(clusterSettings).submit(ApplicationJar.builtIn(root), root, List.of("run"), cluster,
                    Duration.ofMinutes(25));
            long clusterSeconds = seconds(started);
            assertThat(driver.state()).as("driver log: " + driver.log()).isEqualTo(DriverState.FINISHED);
            System.out.printf("ClusterPipelineIT: ./lake run on small, embedded %d s, on the two-worker cluster %d s%n", embeddedSeconds,
                    clusterSeconds);

            SparkSession spark = embedded.spark();
            LakeSettings onCluster = new LakeSettingsLoader(root, cluster).load();
            LakeSession.mount(spark, onCluster, Optional.of(catalogPassword));
            TemporaryLake clusterLakeView = new TemporaryLake(onCluster, spark, clusterLake);

            Map<String, Fingerprint> expected = TableFingerprints.of(embedded);
            Map<String, Fingerprint> actual = TableFingerprints.of(clusterLakeView);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            List<String> differing = new ArrayList<>();
            for (String table : expected.keySet()) {
                if (!expected.get(table).equals(actual.get(table))) {
                    differing.add(table + " " + expected.get(table) + " ≠ " + actual.get(table) + " in "
                            + TableFingerprints.differingColumns(embedded, clusterLakeView, table));
                }
            }
            assertThat(differing).as("tables whose content differs between the embedded and the cluster run").isEmpty();
            assertThat(expected.get("raw.gps_pings").rows()).isPositive();
            assertThat(expected.get("mart.kpi_progress").rows()).isPositive();
            for (String table : expected.keySet()) {
                LakeTableEquality.assertSameRows(embedded, clusterLakeView, table);
            }

            // Trino reads the same PostgreSQL catalog: a planner's question answered from the cluster's lake, and the
            // catalog's password is in Trino's configuration only as a reference to the environment.
            Path installed = new TrinoInstallation(TrinoSettings.from(new LakeSettingsLoader(root, Map.of()).load(), root), line -> { })
                    .ensureInstalled();
            Files.createSymbolicLink(directory.resolve("services").resolve(installed.getFileName()), installed);
            cluster.put("LAKE_SQL_USERS_FILE", directory.resolve("secrets/sql-users.txt").toString());
            cluster.put("LAKE_TRINO_HTTP_PORT", Integer.toString(freePort()));
            cluster.put("LAKE_TRINO_HTTPS_PORT", Integer.toString(freePort()));
            cluster.put("LAKE_AUDIT_PORT", Integer.toString(freePort()));
            try {
                Finished sql = LakeScript.run(cluster, "services", "up", "sql");
                assertThat(sql.exitCode()).as(sql.output()).isZero();
                Finished answer = LakeScript.run(cluster, "sql", "--as", "dx_office",
                        "SELECT current_user AS who, kpis, without_data FROM (SELECT count(*) AS kpis,"
                                + " count_if(status = 'no_data') AS without_data FROM mart.kpi_progress)");
                assertThat(answer.exitCode()).as(answer.output()).isZero();
                long withoutData = spark.sql("SELECT count(*) FROM " + clusterLakeView.table("mart.kpi_progress") + " WHERE status = 'no_data'")
                        .first().getLong(0);
                // current_user is the SQL user in Trino (embedded Spark SQL would name the account running it).
                assertThat(answer.standardOutput()).contains("dx_office").containsPattern("\\b" + expected.get("mart.kpi_progress").rows() + "\\b")
                        .containsPattern("\\b" + withoutData + "\\b");
                try (var files = Files.walk(directory.resolve("services/trino"))) {
                    for (Path file : files.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".properties")).toList()) {
                        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(catalogPassword);
                    }
                }
            } finally {
                LakeScript.run(cluster, "services", "down", "sql");
            }

            // The embedded lake carried over to a PostgreSQL catalog of its own: every table registered and verified.
            String migrated = postgres.createDatabase("embedded_migrated");
            Map<String, String> migrating = new HashMap<>(common);
            migrating.put("LAKE_CATALOG_PASSWORD", catalogPassword);
            Finished migration = LakeScript.run(migrating, "catalog", "migrate", "--to", migrated, "--user", postgresSettings.user());
            assertThat(migration.exitCode()).as(migration.output()).isZero();
            long tables = migration.standardOutput().lines().filter(line -> line.contains("照合済 / verified")).count();
            assertThat(tables).isGreaterThan(expected.size());
            assertThat(migration.standardOutput()).doesNotContain("MISMATCH").contains("登録 / registered");
            Finished again = LakeScript.run(migrating, "catalog", "migrate", "--to", migrated, "--user", postgresSettings.user());
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.standardOutput()).doesNotContain("登録 / registered");
            // The report's tag came along: the KPI report of the as-of date is readable through the new catalog.
            Map<String, String> onMigrated = new HashMap<>(migrating);
            onMigrated.put("LAKE_CATALOG_URI", migrated);
            onMigrated.put("LAKE_CATALOG_USER", postgresSettings.user());
            Finished report = LakeScript.run(onMigrated, "kpi", "report", "--as-of", "2025-03-31");
            assertThat(report.exitCode()).as(report.output()).isZero();
            assertThat(report.standardOutput()).contains("KPI進捗報告").contains("2025-03-31");
        } finally {
            LakeScript.run(common, "services", "down", "spark");
            postgres.down();
            FolderTree.delete(postgresSettings.dataDirectory().getParent());
        }
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
