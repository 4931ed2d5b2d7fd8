package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;

/**
 * Opens Spark on the lake: the Iceberg SQL extensions, and the lake's Iceberg JDBC catalog mounted under
 * its catalog name. Several lakes can be mounted in one session under different names, which is how
 * tests keep their temporary lakes apart while sharing one SparkSession.
 */
public final class LakeSession {
    private LakeSession() {
    }

    public static SparkSession open(LakeSettings settings) {
        requireNonNull(settings, "settings is null");
        String master = master(settings);
        requireReachable(master);
        SparkSession.Builder builder = SparkSession.builder()
                .appName("ebpm-lake")
                .master(master)
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.session.timeZone", "Asia/Tokyo")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", settings.option("spark.sql.shuffle.partitions").orElse("4"))
                .config("spark.ui.enabled", "false")
                // Spark's own session catalog is unused; keep its folder inside the lake, not in the working directory.
                .config("spark.sql.warehouse.dir", settings.warehouse().resolve("spark-session-catalog").toUri().toString())
                .config("spark.sql.adaptive.enabled", "true")
                // Every data and metadata file Spark and Iceberg write is readable by its owner only, whatever the umask.
                .config("spark.hadoop.fs.permissions.umask-mode", "077")
                .config("spark.hadoop.fs.file.impl", LocalFileSystemWithJavaPermissions.class.getName());
        clusterSecret().ifPresent(secret -> builder.config("spark.authenticate.secret", secret));
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        mount(spark, settings);
        return spark;
    }

    /**
     * A standalone master that does not answer would leave Spark retrying for a minute and then stopping its context
     * under the command, with an error about a stopped bus; say at once which master and what to do.
     */
    private static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 3000);
                return;
            } catch (IOException e) {
                // Try the next master of a highly available list.
            }
        }
        throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Spark のマスター " + master + " に接続できません / the Spark master "
                + master + " does not answer: start it (./lake services up spark), or run here with LAKE_SPARK_MASTER=local[2]");
    }

    /**
     * The master spark-submit launched this driver for (the system property it sets), else the lake's setting: a driver
     * a cluster started must not fall back to the {@code local[2]} of {@code conf/local.properties}.
     */
    private static String master(LakeSettings settings) {
        return Optional.ofNullable(System.getProperty("spark.master")).orElse(settings.sparkMaster());
    }

    /**
     * The secret of a Spark cluster with authentication on, for a driver one of its Workers started (cluster deploy
     * mode). Spark wants it in the driver's configuration, but the Worker takes {@code spark.authenticate.secret} off the
     * driver's command line (where every local user's {@code ps} would read it) and hands it over in the environment,
     * as it does to executors.
     */
    private static Optional<String> clusterSecret() {
        if (System.getProperty("spark.authenticate.secret") != null) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getenv("_SPARK_AUTH_SECRET"));
    }

    /**
     * Opens Spark on a lake that must already exist: a command that reads the lake (kpi, sql, quality report) says
     * in one line to run {@code ./lake run} first rather than creating an empty lake by accident.
     */
    public static SparkSession openExisting(LakeSettings settings) {
        requireExists(settings);
        SparkSession spark = open(settings);
        if (!settings.catalogUri().startsWith("jdbc:sqlite:")) {
            requireNamespaces(spark, settings);
        }
        return spark;
    }

    /** A catalog on a server: it must answer, and hold the lake's namespaces. */
    private static void requireNamespaces(SparkSession spark, LakeSettings settings) {
        boolean empty;
        try {
            empty = ((SupportsNamespaces) icebergCatalog(spark, settings)).listNamespaces().isEmpty();
        } catch (Exception e) {
            // Spark's own exceptions (a catalog it cannot load) are checked ones Scala throws undeclared.
            spark.stop();
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new LakeException(ErrorCategory.CATALOG_UNAVAILABLE, "カタログに接続できません / cannot reach the catalog "
                    + settings.catalogUri() + " (user lake.catalog.user, password LAKE_CATALOG_PASSWORD): " + cause.getMessage(), e);
        }
        if (empty) {
            spark.stop();
            throw new LakeException(ErrorCategory.LAKE_NOT_BUILT, "レイクがまだありません（" + settings.catalogUri()
                    + "）。先に ./lake run を実行してください / the catalog " + settings.catalogUri() + " holds no lake yet: run ./lake run first");
        }
    }

    /** Fails with {@link ErrorCategory#LAKE_NOT_BUILT} when the lake's SQLite catalog file is not there yet. */
    public static void requireExists(LakeSettings settings) {
        requireNonNull(settings, "settings is null");
        String prefix = "jdbc:sqlite:";
        if (settings.catalogUri().startsWith(prefix) && !Files.isRegularFile(java.nio.file.Path.of(settings.catalogUri().substring(prefix.length())))) {
            throw new LakeException(ErrorCategory.LAKE_NOT_BUILT, "レイクがまだありません（" + settings.warehouse()
                    + "）。先に ./lake run を実行してください / there is no lake at " + settings.warehouse() + " yet: run ./lake run first");
        }
    }

    /**
     * Mounts the lake's catalog in a running session; creates the warehouse directory if needed. A catalog on a server is
     * reached with the password in {@code LAKE_CATALOG_PASSWORD}.
     */
    public static void mount(SparkSession spark, LakeSettings settings) {
        mount(spark, settings, Optional.ofNullable(System.getenv("LAKE_CATALOG_PASSWORD")));
    }

    /** Mounts the lake's catalog, reached with {@code catalogPassword} (a test's server of its own). */
    public static void mount(SparkSession spark, LakeSettings settings, Optional<String> catalogPassword) {
        requireNonNull(spark, "spark is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(catalogPassword, "catalogPassword is null");
        // The lake's folder is the boundary other local users must not cross (README, "shared host").
        OwnerOnlyFiles.createDirectories(settings.warehouse());
        OwnerOnlyFiles.restrictFolder(settings.warehouse());
        privateSqliteCatalog(settings);
        String prefix = "spark.sql.catalog." + settings.catalogName();
        spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        // Iceberg's JDBC catalog, with a connection per call on SQLite (see LakeJdbcCatalog for why).
        spark.conf().set(prefix + ".catalog-impl", LakeJdbcCatalog.class.getName());
        spark.conf().set(prefix + ".uri", settings.catalogUri());
        // V1 keeps views out of the catalog tables, the layout Trino's JDBC catalog reads (shared/RECIPES.md).
        spark.conf().set(prefix + ".jdbc.schema-version", "V1");
        // No table cache: commits by other engines (Trino, another job) must be visible to the next query.
        spark.conf().set(prefix + ".cache-enabled", "false");
        spark.conf().set(prefix + ".warehouse", settings.warehouse().toUri().toString());
        // Several writers share a catalog on a server (tasks, a steward's ingest): a commit that lost the race is retried
        // on the new state more often than Iceberg's default of four times before the writer gives up.
        spark.conf().set(prefix + ".table-default.commit.retry.num-retries", "10");
        if (settings.catalogUri().startsWith("jdbc:sqlite:")) {
            // Several processes share the catalog file (a run waiting for the lock, Airflow's tasks, Trino): a commit
            // waits for a reader to finish instead of failing at once.
            spark.conf().set(prefix + ".jdbc.busy_timeout", "30000");
        }
        settings.option("lake.catalog.user").ifPresent(user -> spark.conf().set(prefix + ".jdbc.user", user));
        catalogPassword.ifPresent(password -> spark.conf().set(prefix + ".jdbc.password", password));
    }

    /** SQLite creates its file under the process's umask: create it first, empty and owner-only, and SQLite uses it. */
    private static void privateSqliteCatalog(LakeSettings settings) {
        String prefix = "jdbc:sqlite:";
        if (settings.catalogUri().startsWith(prefix)) {
            java.nio.file.Path catalog = java.nio.file.Path.of(settings.catalogUri().substring(prefix.length()));
            if (!Files.exists(catalog)) {
                OwnerOnlyFiles.write(catalog, new byte[0]);
            }
        }
    }

    /** The Iceberg catalog behind the mounted Spark catalog, for table administration. */
    public static Catalog icebergCatalog(SparkSession spark, LakeSettings settings) {
        return Spark3Util.loadIcebergCatalog(spark, settings.catalogName());
    }
}
