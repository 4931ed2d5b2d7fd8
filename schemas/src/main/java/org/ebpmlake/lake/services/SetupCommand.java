package org.ebpmlake.lake.services;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * A command a service needs run to its end before it starts (migrating its metadata database, creating its
 * administrator), with the service's environment, its output appended to a log file, and {@code umask 077} so
 * whatever it creates is its owner's only. A failure names the log.
 *
 * @param service the service's name, for messages
 * @param workingDirectory where the command runs
 * @param environment added to this JVM's environment
 * @param withoutVariables taken away from it (such as CA bundles a Python service would wrongly apply to loopback calls)
 */
public record SetupCommand(String service, Path workingDirectory, Map<String, String> environment, Set<String> withoutVariables) {
    public SetupCommand {
        requireNonNull(service, "service is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        withoutVariables = Set.copyOf(requireNonNull(withoutVariables, "withoutVariables is null"));
    }

    /** Runs {@code command}, its output appended to {@code log}; throws when it exits with anything but 0. */
    public void run(List<String> command, Path log) {
        requireNonNull(command, "command is null");
        requireNonNull(log, "log is null");
        List<String> privately = new ArrayList<>(List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        privately.addAll(command);
        try {
            OwnerOnlyFiles.createDirectories(workingDirectory);
            OwnerOnlyFiles.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(privately).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            builder.environment().keySet().removeAll(withoutVariables);
            Process process = builder.start();
            if (process.waitFor() != 0) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, service + " の準備（" + Path.of(command.get(0)).getFileName()
                        + " " + String.join(" ", command.subList(1, Math.min(3, command.size()))) + "）に失敗しました / setting up "
                        + service + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " for " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while setting up " + service, e);
        }
    }
}
