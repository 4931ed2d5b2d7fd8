package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ebpmlake.cluster.ApplicationJar;
import org.ebpmlake.cluster.DriverState;
import org.ebpmlake.cluster.MasterState;
import org.ebpmlake.cluster.SparkCluster;
import org.ebpmlake.cluster.SparkClusterSettings;
import org.ebpmlake.cluster.SparkSubmission;
import org.ebpmlake.cluster.SubmittedDriver;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.ListeningSockets;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.lake.services.ServiceProcess;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake's pipeline on a real Spark standalone cluster, as issue 18 runs it: {@code ./lake package}, then
 * {@code ./lake services up spark} (a Master and two Workers on 127.0.0.1, authentication on), a task of
 * {@code ./lake run} submitted in cluster deploy mode on a lake of tiny samples (its SQLite catalog shared, this being
 * one machine), and the attacks a local user could try: a submission without the secret, a socket beyond loopback, a
 * file or a command line to read.
 */
@ExtendWith(LakeExtension.class)
class SparkClusterIT {
    @Test
    void runsATaskOnTheWorkersOnLoopbackOnlyWithPrivateFilesAndRefusesASubmissionWithoutTheSecret(TemporaryLake lake, @TempDir Path secrets)
            throws Exception {
        Path root = LakeExtension.repositoryRoot();
        long started = System.nanoTime();
        Finished packaged = LakeScript.run(Map.of(), "package");
        assertThat(packaged.exitCode()).as(packaged.output()).isZero();
        assertThat(packaged.standardOutput()).contains("spark-submit --master").contains("--deploy-mode cluster");
        ApplicationJar jar = ApplicationJar.builtIn(root);
        System.out.printf("SparkClusterIT: ./lake package %d s, application jar %d MB%n", seconds(started), jar.size() / 1_000_000);

        Map<String, String> environment = new HashMap<>(LakeScript.environmentOf(lake));
        // Ports and a secret of its own, never the defaults another clone's cluster may hold.
        environment.put("LAKE_SPARK_CLUSTER_MASTER_PORT", Integer.toString(freePort()));
        environment.put("LAKE_SPARK_CLUSTER_MASTER_UI_PORT", Integer.toString(freePort()));
        environment.put("LAKE_SPARK_CLUSTER_SECRET_FILE", secrets.resolve("spark-cluster.secret").toString());
        LakeSettings submitted = new LakeSettingsLoader(root, environment).load();
        SparkClusterSettings settings = SparkClusterSettings.from(submitted, root);
        SparkCluster cluster = new SparkCluster(settings, line -> { });
        assertThat(classesOfBoth(jar, settings.jars())).as("classes of the application jar that the cluster's Spark has too").isEmpty();
        try {
            started = System.nanoTime();
            Finished up = LakeScript.run(environment, "services", "up", "spark");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.standardOutput()).contains("2 workers alive").contains("稼働中 / up");
            System.out.printf("SparkClusterIT: services up spark %d s%n", seconds(started));
            long[] pids = cluster.processes().stream().mapToLong(process -> process.pid().orElseThrow()).toArray();
            Set<String> listening = new HashSet<>(ListeningSockets.of(pids));
            assertThat(listening).contains("127.0.0.1:" + settings.masterPort(), "127.0.0.1:" + settings.masterWebUiPort());

            started = System.nanoTime();
            CompletableFuture<SubmittedDriver> submission = CompletableFuture.supplyAsync(() -> SparkSubmission.to(settings)
                    .submit(jar, root, List.of("run", "--task", "ingest.residents"), environment, Duration.ofMinutes(10)));
            // The driver and the executors the Workers start meanwhile listen too.
            while (!submission.isDone()) {
                listening.addAll(ListeningSockets.of(pids));
                assertThat(commandLinesOf(pids)).as("command lines of the cluster's processes").noneMatch(line -> line.contains(secret(settings)));
                try {
                    submission.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    // Still running: look again.
                }
            }
            SubmittedDriver driver = submission.join();
            System.out.printf("SparkClusterIT: run --task ingest.residents in cluster mode %d s%n", seconds(started));
            Path driverFolder = cluster.driverFolder(driver.driverId()).orElseThrow();
            assertThat(driver.state()).as(Files.readString(driverFolder.resolve("stderr"))).isEqualTo(DriverState.FINISHED);
            assertThat(Files.readString(driverFolder.resolve("stdout"), StandardCharsets.UTF_8)).contains("raw.residents");
            assertThat(listening).hasSizeGreaterThan(6).allSatisfy(address -> assertThat(ListeningSockets.isLoopback(address)).as(address).isTrue());

            // The rows are in the test's lake, read through its own session; the executors on the Workers wrote them.
            assertThat(lake.count("raw.residents")).isEqualTo(LakeRun.sampleScale(submitted).residents());
            MasterState state = cluster.state().orElseThrow();
            assertThat(state.applications()).singleElement().satisfies(application -> {
                assertThat(application.name()).isEqualTo("ebpm-lake");
                assertThat(application.state()).isEqualTo("FINISHED");
                assertThat(application.cores()).isPositive();
            });
            assertThat(executorLogs(settings.directory())).isNotEmpty()
                    .anySatisfy(log -> assertThat(Files.readString(log)).contains("Finished task"));

            // Anyone on the machine can reach the Master's port; without the secret it takes nothing.
            assertThatThrownBy(() -> SparkSubmission.withoutSecret(settings).submit(jar, root, List.of("--version"), environment,
                    Duration.ofMinutes(2))).isInstanceOf(LakeException.class).hasMessageContaining("did not take the driver");
            assertThat(cluster.state().orElseThrow().drivers()).singleElement()
                    .satisfies(only -> assertThat(only.id()).isEqualTo(driver.driverId()));

            assertThat(exposedFiles(settings.directory(), settings.secretFile())).isEmpty();
        } finally {
            LakeScript.run(environment, "services", "down", "spark");
        }
        assertThat(cluster.processes()).noneMatch(ServiceProcess::running);
        assertThat(LakeScript.run(environment, "services", "status", "spark").standardOutput()).contains("停止 / down");
    }

    /** Classes, by name, in both the application jar and Spark's jars: a dependency both bring, unrelocated. */
    private static Set<String> classesOfBoth(ApplicationJar jar, Path sparkJars) throws IOException {
        Set<String> spark = new HashSet<>();
        try (Stream<Path> jars = Files.list(sparkJars)) {
            for (Path sparkJar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                spark.addAll(classesIn(sparkJar));
            }
        }
        Set<String> both = new HashSet<>(classesIn(jar.file()));
        both.retainAll(spark);
        return both;
    }

    private static Set<String> classesIn(Path jar) throws IOException {
        Set<String> classes = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/versions/")) {
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    private static List<Path> executorLogs(Path clusterDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(clusterDirectory)) {
            return paths.filter(path -> path.getFileName().toString().equals("stderr") && path.getParent().getParent().getFileName()
                    .toString().startsWith("app-")).toList();
        }
    }

    /** What every local user's {@code ps} shows of the processes and all their descendants. */
    private static List<String> commandLinesOf(long... pids) {
        List<String> lines = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> {
                lines.add(commandLine(process.pid()));
                process.descendants().forEach(child -> lines.add(commandLine(child.pid())));
            });
        }
        return lines;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The process ended meanwhile.
            return "";
        }
    }

    private static String secret(SparkClusterSettings settings) {
        try {
            return Files.readString(settings.secretFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Paths another local user could read or write. Spark marks the jars it copies into a Worker's folders executable
     * for everyone, which without read gives nothing, and the folders above them are the owner's only.
     */
    private static List<String> exposedFiles(Path... roots) throws IOException {
        Set<PosixFilePermission> readOrWrite = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        List<String> exposed = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.filter(path -> !Files.isSymbolicLink(path)).toList()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    boolean folderOpen = Files.isDirectory(path) && permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER"));
                    if (folderOpen || permissions.stream().anyMatch(readOrWrite::contains)) {
                        exposed.add(path + " " + permissions);
                    }
                }
            }
        }
        return exposed;
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
