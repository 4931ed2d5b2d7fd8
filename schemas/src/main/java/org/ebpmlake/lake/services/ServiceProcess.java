package org.ebpmlake.lake.services;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * A background server process of the platform, tracked by a pid file and writing to a log file, so that
 * {@code ./lake services status} can name both and {@code down} can stop it from another process.
 */
public record ServiceProcess(String name, Path pidFile, Path logFile) {
    public ServiceProcess {
        requireNonNull(name, "name is null");
        requireNonNull(pidFile, "pidFile is null");
        requireNonNull(logFile, "logFile is null");
    }

    public void start(List<String> command, Path workingDirectory, Map<String, String> environment) {
        start(command, workingDirectory, environment, Set.of());
    }

    /**
     * Starts the process with {@code environment} added to this JVM's and the {@code withoutVariables} taken away
     * (such as a CA bundle a Python service would wrongly apply to its loopback calls); does nothing if it runs.
     */
    public void start(List<String> command, Path workingDirectory, Map<String, String> environment, Set<String> withoutVariables) {
        if (running()) {
            return;
        }
        try {
            OwnerOnlyFiles.createDirectories(pidFile.getParent());
            OwnerOnlyFiles.createDirectories(logFile.getParent());
            if (!Files.exists(logFile)) {
                OwnerOnlyFiles.writeString(logFile, "");
            }
            // The service creates its own files (data, logs, spools) readable by its owner only, whoever started it.
            List<String> privately = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
            privately.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(privately).directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            builder.environment().keySet().removeAll(withoutVariables);
            Process process = builder.start();
            OwnerOnlyFiles.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * This process's line in {@code ./lake services status}: its name, whether it is up (and answering), its pid, where
     * it serves and its log. Every service prints its processes this way.
     */
    public String statusLine(boolean healthy, String address) {
        String state;
        if (healthy) {
            state = "稼働中 / up";
        } else if (running()) {
            state = "起動中・異常 / running, not healthy";
        } else {
            state = "停止 / down";
        }
        return String.format("%-15s %-28s pid %-8s %s  log %s", name, state, pid().map(String::valueOf).orElse("-"), address, logFile);
    }

    public Optional<Long> pid() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean running() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the process (and its children) and waits for it to end. */
    public void stop() {
        Optional<ProcessHandle> handle = pid().flatMap(ProcessHandle::of);
        handle.ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cannot wait for " + name + " to stop", e);
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + pidFile, e);
        }
    }
}
