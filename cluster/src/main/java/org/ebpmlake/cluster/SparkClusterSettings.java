package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import org.ebpmlake.lake.LakeSettings;

/**
 * The local Spark standalone cluster ({@code ./lake services up spark}, keys {@code lake.spark-cluster.*}): the Spark it
 * runs, where its processes keep pid files, logs and work folders, its ports on 127.0.0.1, the size of its Workers,
 * what a submitted driver and its executors take, and the file of the secret every one of its processes shares.
 *
 * @param sparkHome a Spark distribution ({@code jars/} holds Spark); by default the one {@code ./lake package} lays out
 * @param directory pid files, logs and the Workers' work folders: {@code lake.services.directory}/spark
 * @param masterPort the Master's RPC port, where drivers are submitted
 * @param masterWebUiPort the Master's web UI, whose {@code /json/} tells the Workers', applications' and drivers' states
 * @param workerMemory memory each Worker offers its drivers and executors, in Spark's notation ({@code 2g})
 * @param driverMemory heap of a submitted driver, which runs on a Worker (cluster deploy mode)
 * @param secretFile the secret of {@code spark.authenticate}, generated on first use (mode 600)
 */
public record SparkClusterSettings(Path sparkHome, Path directory, int masterPort, int masterWebUiPort, int workers, int workerCores,
        String workerMemory, String driverMemory, String executorMemory, Path secretFile) {
    private static final String MEMORY = "[1-9][0-9]*[mMgG]";

    public SparkClusterSettings {
        sparkHome = requireNonNull(sparkHome, "sparkHome is null").toAbsolutePath().normalize();
        directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
        requirePort("lake.spark-cluster.master-port", masterPort);
        requirePort("lake.spark-cluster.master-ui-port", masterWebUiPort);
        if (workers < 1 || workerCores < 1) {
            throw new IllegalArgumentException("lake.spark-cluster.workers and worker-cores must be at least 1, got " + workers + " and " + workerCores);
        }
        requireMemory("lake.spark-cluster.worker-memory", workerMemory);
        requireMemory("lake.spark-cluster.driver-memory", driverMemory);
        requireMemory("lake.spark-cluster.executor-memory", executorMemory);
        secretFile = requireNonNull(secretFile, "secretFile is null").toAbsolutePath().normalize();
    }

    public static SparkClusterSettings from(LakeSettings settings, Path projectDirectory) {
        requireNonNull(settings, "settings is null");
        requireNonNull(projectDirectory, "projectDirectory is null");
        Path sparkHome = projectDirectory.resolve(settings.option("lake.spark-cluster.spark-home").orElse("spark-home/target/spark-home"));
        Path services = projectDirectory.resolve(settings.option("lake.services.directory").orElse("var/services"));
        return new SparkClusterSettings(sparkHome, services.resolve("spark"),
                settings.intOption("lake.spark-cluster.master-port", 17077),
                settings.intOption("lake.spark-cluster.master-ui-port", 18180),
                settings.intOption("lake.spark-cluster.workers", 2),
                settings.intOption("lake.spark-cluster.worker-cores", 1),
                settings.option("lake.spark-cluster.worker-memory").orElse("2g"),
                settings.option("lake.spark-cluster.driver-memory").orElse("1g"),
                settings.option("lake.spark-cluster.executor-memory").orElse("1g"),
                projectDirectory.resolve(settings.option("lake.spark-cluster.secret-file").orElse("var/secrets/spark-cluster.secret")));
    }

    /** The address drivers are submitted to. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The Master's state as JSON (Workers, applications, drivers), on its web UI. */
    public URI masterState() {
        return URI.create("http://127.0.0.1:" + masterWebUiPort + "/json/");
    }

    /** Spark's jars, the class path of every process of the cluster and of {@code spark-submit}. */
    public Path jars() {
        return sparkHome.resolve("jars");
    }

    private static void requirePort(String key, int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException(key + " must be in 1024-65535, got " + port);
        }
    }

    private static void requireMemory(String key, String memory) {
        requireNonNull(memory, key + " is null");
        if (!memory.matches(MEMORY)) {
            throw new IllegalArgumentException(key + " must be a size such as 1g or 1536m, got '" + memory + "'");
        }
    }
}
