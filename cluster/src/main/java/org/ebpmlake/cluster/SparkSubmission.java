package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.GeneratedSecret;

/**
 * Runs a {@code ./lake} command on a Spark standalone cluster: {@code spark-submit} of the application jar in cluster
 * deploy mode, so the driver, {@code org.ebpmlake.launcher.Lake}, runs on a Worker and its executors on the Workers. In
 * this mode Spark starts the driver with the submitting process's environment: {@code LAKE_HOME} (the project folder,
 * whose {@code conf/} the driver reads), {@code LAKE_ENV}, {@code LAKE_PSEUDONYM_KEY}, {@code LAKE_WAREHOUSE} and every
 * other {@code LAKE_*} setting reach it as they are given here; on a real cluster those folders must be on storage
 * every node sees. Waits for the driver to end and returns the state the Master reported for it.
 */
public final class SparkSubmission {
    private static final String SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    private static final String LAKE = "org.ebpmlake.launcher.Lake";
    private static final Pattern SUBMITTED = Pattern.compile("Driver successfully submitted as (driver-[0-9A-Za-z-]+)");
    private static final Pattern ENDED = Pattern.compile("State of driver (driver-[0-9A-Za-z-]+) is ([A-Z]+), exiting");
    private static final DateTimeFormatter LOG_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final SparkClusterSettings settings;
    private final Optional<String> secret;

    private SparkSubmission(SparkClusterSettings settings, Optional<String> secret) {
        this.settings = requireNonNull(settings, "settings is null");
        this.secret = requireNonNull(secret, "secret is null");
    }

    /** A submission with the cluster's secret, which the cluster requires. */
    public static SparkSubmission to(SparkClusterSettings settings) {
        requireNonNull(settings, "settings is null");
        if (!Files.isRegularFile(settings.secretFile())) {
            throw new LakeException(ErrorCategory.MISSING_SECRET, "Spark クラスターの秘密鍵がありません / no secret of the Spark cluster at "
                    + settings.secretFile() + ": start it with ./lake services up spark");
        }
        return new SparkSubmission(settings, Optional.of(GeneratedSecret.readOrCreate(settings.secretFile(), 32)));
    }

    /** A submission without any secret, as anyone on the machine could make: the cluster must refuse it. */
    public static SparkSubmission withoutSecret(SparkClusterSettings settings) {
        return new SparkSubmission(settings, Optional.empty());
    }

    /**
     * Submits {@code ./lake <lakeArguments>} and waits up to {@code timeout} for its driver to end.
     *
     * @param lakeHome the project folder as the driver sees it ({@code LAKE_HOME})
     * @param environment settings for the driver ({@code LAKE_WAREHOUSE}, ...), added to this process's environment
     * @throws LakeException when the Master did not take the driver (no secret, the wrong one, no Master), naming the log
     */
    public SubmittedDriver submit(ApplicationJar jar, Path lakeHome, List<String> lakeArguments, Map<String, String> environment, Duration timeout) {
        requireNonNull(jar, "jar is null");
        requireNonNull(lakeHome, "lakeHome is null");
        requireNonNull(lakeArguments, "lakeArguments is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(timeout, "timeout is null");
        Path log = settings.directory().resolve("submissions").resolve("submit-" + LocalDateTime.now().format(LOG_NAME) + ".log");
        OwnerOnlyFiles.writeString(log, "");
        ProcessBuilder builder = new ProcessBuilder(command(jar, lakeHome, lakeArguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> variables = builder.environment();
        variables.putAll(environment);
        variables.put("LAKE_HOME", lakeHome.toString());
        // The driver's own settings name the cluster too, so nothing in it falls back to conf/'s local master.
        variables.put("LAKE_SPARK_MASTER", settings.masterUrl());
        variables.put("SPARK_LOCAL_IP", "127.0.0.1");
        variables.put("SPARK_HOME", settings.sparkHome().toString());
        variables.put("SPARK_SCALA_VERSION", "2.12");
        variables.remove(SparkCluster.SECRET_VARIABLE);
        // In the environment, never on spark-submit's command line: a Worker gives the driver its own copy the same way.
        secret.ifPresent(value -> variables.put(SparkCluster.SECRET_VARIABLE, value));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "spark-submit が " + timeout.toSeconds() + " 秒以内に終わりませんでした"
                        + " / spark-submit did not end within " + timeout.toSeconds() + " s; see " + log);
            }
            return outcome(Files.readString(log, StandardCharsets.UTF_8), process.exitValue(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run spark-submit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while waiting for spark-submit; see " + log, e);
        }
    }

    private SubmittedDriver outcome(String output, int exitStatus, Path log) {
        Matcher submitted = SUBMITTED.matcher(output);
        if (!submitted.find()) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Spark クラスター（" + settings.masterUrl() + "）がドライバーを受け付けませんでした"
                    + " / the Spark master at " + settings.masterUrl() + " did not take the driver (spark-submit exited " + exitStatus
                    + "); see " + log);
        }
        Matcher ended = ENDED.matcher(output);
        if (!ended.find()) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "ドライバー " + submitted.group(1) + " の終了状態が報告されませんでした"
                    + " / spark-submit did not report how driver " + submitted.group(1) + " ended; see " + log);
        }
        return new SubmittedDriver(submitted.group(1), DriverState.valueOf(ended.group(2)), log);
    }

    private List<String> command(ApplicationJar jar, Path lakeHome, List<String> lakeArguments) {
        List<String> command = new ArrayList<>(List.of(SparkCluster.java(), "-Xmx512m"));
        command.addAll(SparkCluster.moduleOptions());
        command.addAll(List.of("-cp", settings.jars().resolve("*").toString(), SUBMIT,
                "--master", settings.masterUrl(), "--deploy-mode", "cluster", "--class", LAKE, "--name", "ebpm-lake",
                "--driver-memory", settings.driverMemory(), "--executor-memory", settings.executorMemory(),
                // spark-submit stays until the driver ends, and reports its final state.
                "--conf", "spark.standalone.submit.waitAppCompletion=true",
                "--conf", "spark.driver.extraJavaOptions=" + String.join(" ", driverJavaOptions(lakeHome)),
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", jvmOptions())));
        if (secret.isPresent()) {
            command.addAll(List.of("--conf", "spark.authenticate=true"));
        }
        command.add(jar.file().toString());
        command.addAll(lakeArguments);
        return command;
    }

    /**
     * The JVM options {@code ./lake} gives its own JVM, for a driver a Worker starts: it gets none of them otherwise, not
     * even the modules Spark needs opened on Java 17.
     */
    public static List<String> driverJavaOptions(Path lakeHome) {
        requireNonNull(lakeHome, "lakeHome is null");
        List<String> options = new ArrayList<>(jvmOptions());
        options.add("-Dlog4j2.configurationFile=" + lakeHome.resolve("conf").resolve("log4j2.properties"));
        return options;
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(SparkCluster.moduleOptions());
        options.addAll(List.of("-Duser.timezone=Asia/Tokyo", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        return options;
    }
}
