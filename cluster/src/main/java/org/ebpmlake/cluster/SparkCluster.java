package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.launcher.JavaModuleOptions;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.GeneratedSecret;
import org.ebpmlake.lake.services.Readiness;
import org.ebpmlake.lake.services.ServiceProcess;

/**
 * A Spark standalone cluster on this machine: one Master and its Workers, each a JVM of its own started with Spark's
 * own launch classes from the Spark {@code ./lake package} lays out, everything on 127.0.0.1. Authentication is on: the
 * Master, the Workers and every driver and executor share a secret generated on first use, so another local user
 * can neither submit code nor join as a Worker. {@code up} waits until every Worker has registered with the Master.
 */
public final class SparkCluster {
    /** Spark's variable for the secret, as a Worker hands it to the drivers and executors it starts. */
    static final String SECRET_VARIABLE = "_SPARK_AUTH_SECRET";
    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
    private static final int SECRET_BYTES = 32;

    private final SparkClusterSettings settings;
    private final Consumer<String> progress;
    private final ServiceProcess master;
    private final List<ServiceProcess> workers;

    public SparkCluster(SparkClusterSettings settings, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.master = new ServiceProcess("spark-master", settings.directory().resolve("master.pid"), settings.directory().resolve("master.log"));
        List<ServiceProcess> started = new ArrayList<>();
        for (int worker = 1; worker <= settings.workers(); worker++) {
            started.add(new ServiceProcess("spark-worker-" + worker, settings.directory().resolve("worker-" + worker + ".pid"),
                    settings.directory().resolve("worker-" + worker + ".log")));
        }
        this.workers = List.copyOf(started);
    }

    /** Starts what is not running and waits until the Master counts every Worker alive. */
    public void up(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        if (!Files.isDirectory(settings.jars())) {
            throw new LakeException(ErrorCategory.NOT_PACKAGED, "Spark がありません（" + settings.jars() + "）。先に ./lake package を実行してください"
                    + " / no Spark at " + settings.sparkHome() + ": run ./lake package first (or set lake.spark-cluster.spark-home)");
        }
        // Logs, pid files and the Workers' folders (drivers' output, copies of the application jar) are the owner's only.
        OwnerOnlyFiles.createDirectories(settings.directory());
        OwnerOnlyFiles.restrictFolder(settings.directory());
        String secret = GeneratedSecret.readOrCreate(settings.secretFile(), SECRET_BYTES);
        Map<String, String> environment = environment(secret);
        if (!master.running()) {
            master.start(command(MASTER, List.of("--host", "127.0.0.1", "--port", Integer.toString(settings.masterPort()),
                    "--webui-port", Integer.toString(settings.masterWebUiPort()))), settings.directory(), environment);
        }
        // A Worker that finds no Master waits seconds before it tries again: start them once the Master answers.
        Readiness.await("Spark master", () -> state().isPresent(), List.of(master), timeout, master.logFile());
        for (int index = 0; index < workers.size(); index++) {
            ServiceProcess worker = workers.get(index);
            if (!worker.running()) {
                Path workFolder = OwnerOnlyFiles.createDirectories(settings.directory().resolve("worker-" + (index + 1)));
                // Web UI port 0: any free port on 127.0.0.1; the Master's page links to it.
                worker.start(command(WORKER, List.of("--host", "127.0.0.1", "--cores", Integer.toString(settings.workerCores()),
                        "--memory", settings.workerMemory(), "--work-dir", workFolder.toString(), "--webui-port", "0", settings.masterUrl())),
                        settings.directory(), environment);
            }
        }
        List<ServiceProcess> all = processes();
        Readiness.await("Spark cluster (" + settings.workers() + " workers)",
                () -> state().map(state -> state.aliveWorkers() >= settings.workers()).orElse(false), all, timeout, settings.directory());
        progress.accept("Spark: " + settings.masterUrl() + " (" + settings.workers() + " workers alive)");
    }

    public void down() {
        workers.forEach(ServiceProcess::stop);
        master.stop();
    }

    /** The Master and the Workers, in that order. */
    public List<ServiceProcess> processes() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(master);
        all.addAll(workers);
        return List.copyOf(all);
    }

    /** The Master's state, when it answers. */
    public Optional<MasterState> state() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(settings.masterState())
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(MasterState.parse(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The folder a Worker ran a driver in (its {@code stdout} and {@code stderr}), when one of this cluster's did. */
    public Optional<Path> driverFolder(String driverId) {
        requireNonNull(driverId, "driverId is null");
        for (int worker = 1; worker <= settings.workers(); worker++) {
            Path folder = settings.directory().resolve("worker-" + worker).resolve(driverId);
            if (Files.isDirectory(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    public List<String> status() {
        Optional<MasterState> state = state();
        List<String> lines = new ArrayList<>();
        lines.add(master.statusLine(state.isPresent(), settings.masterUrl() + " (web UI http://127.0.0.1:" + settings.masterWebUiPort() + ")"));
        int alive = state.map(MasterState::aliveWorkers).orElse(0);
        for (ServiceProcess worker : workers) {
            lines.add(worker.statusLine(state.isPresent() && worker.running(), alive + "/" + settings.workers() + " workers alive"));
        }
        return lines;
    }

    private List<String> command(String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        command.addAll(moduleOptions());
        // The secret itself comes in the environment (never on a command line, which every local user can list).
        command.addAll(List.of("-Dspark.authenticate=true",
                // No REST submission server: it would take drivers without the secret.
                "-Dspark.master.rest.enabled=false",
                // The web UIs (on 127.0.0.1, readable by local users) cannot kill applications or drivers.
                "-Dspark.ui.killEnabled=false",
                // Each submission copies the application jar into a Worker's folder: those of ended applications go after a day.
                "-Dspark.worker.cleanup.enabled=true", "-Dspark.worker.cleanup.appDataTtl=86400",
                "-cp", settings.jars().resolve("*").toString(), mainClass));
        command.addAll(arguments);
        return command;
    }

    private Map<String, String> environment(String secret) {
        return Map.of(SECRET_VARIABLE, secret,
                // Spark binds every socket (RPC, web UI) and the drivers and executors it starts to loopback.
                "SPARK_LOCAL_IP", "127.0.0.1",
                // A Worker builds its drivers' and executors' class path from SPARK_HOME/jars.
                "SPARK_HOME", settings.sparkHome().toString(),
                // Spark's launcher asks for the Scala version before it looks for jars/ (a source tree has no jars/).
                "SPARK_SCALA_VERSION", "2.12",
                "JAVA_HOME", System.getProperty("java.home"));
    }

    /** The modules Spark opens on Java 17 for the JVMs its own launcher starts, which these are not. */
    static List<String> moduleOptions() {
        return List.of(JavaModuleOptions.defaultModuleOptions().trim().split("\\s+"));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
