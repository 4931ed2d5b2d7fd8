package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;

/** {@code ./lake} run as a person (or Airflow) runs it: a process of its own, with the environment given. */
final class LakeScript {
    private LakeScript() {
    }

    /** The key the tests' lakes are pseudonymised with, in-process and in {@code ./lake} processes alike. */
    static final String KEY = "test-key-0123456789-0123456789-abcdef";

    /**
     * The environment that points {@code ./lake} at a test's lake (same catalog name, folders and inbox), on tiny samples,
     * with the test key and a short retry delay.
     */
    static Map<String, String> environmentOf(TemporaryLake lake) {
        LakeSettings settings = lake.settings();
        Map<String, String> environment = new HashMap<>();
        environment.put("LAKE_WAREHOUSE", settings.warehouse().toString());
        environment.put("LAKE_CATALOG_NAME", settings.catalogName());
        environment.put("LAKE_SITE", settings.siteDirectory().toString());
        environment.put("LAKE_SOURCES", settings.sourcesDirectory().toString());
        environment.put("LAKE_INBOX", settings.option("lake.inbox").orElseThrow());
        environment.put("LAKE_SERVICES_DIRECTORY", settings.option("lake.services.directory").orElseThrow());
        environment.put("LAKE_PRIVACY_POLICIES", settings.option("lake.privacy.policies").orElseThrow());
        environment.put("LAKE_SAMPLE_SCALE", "tiny");
        environment.put("LAKE_PSEUDONYM_KEY", KEY);
        environment.put("LAKE_PIPELINE_RETRY_DELAY_SECONDS", "2");
        environment.put("LAKE_JVM_HEAP", "2g");
        return Map.copyOf(environment);
    }

    /** Runs {@code ./lake} to its end; standard error is kept apart so its lines can be counted. */
    static Finished run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        return start(environment, arguments).finish();
    }

    /** Starts {@code ./lake} without waiting for it. */
    static Started start(Map<String, String> environment, String... arguments) throws IOException {
        Path root = LakeExtension.repositoryRoot();
        List<String> command = new ArrayList<>(List.of(root.resolve("lake").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().putAll(environment);
        Path output = Files.createTempFile("lake-stdout-", ".txt");
        Path errors = Files.createTempFile("lake-stderr-", ".txt");
        Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        return new Started(process, output, errors);
    }

    /** A {@code ./lake} process still running, its output collected in files. */
    record Started(Process process, Path output, Path errors) {
        Finished finish() throws IOException, InterruptedException {
            try {
                assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("./lake ended within 15 minutes").isTrue();
                return new Finished(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        }
    }

    /** What a finished {@code ./lake} printed, and how it exited. */
    record Finished(int exitCode, String standardOutput, String standardError) {
        String output() {
            return standardOutput + standardError;
        }

        /** What the person reads on standard error, without the build notice and the libraries' start-up noise. */
        List<String> errorLines() {
            return standardError.lines().filter(line -> !line.isBlank() && !line.startsWith("ビルド中") && !line.startsWith("SLF4J:"))
                    .toList();
        }
    }
}
