package org.ebpmlake.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The resident memory of a set of processes and all their descendants, read from Linux's {@code /proc}: a figure the
 * service tests print for the closing notes (idle memory of Airflow, Superset), never an assertion.
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    public static long mebibytes(List<Long> processIds) {
        long kibibytes = 0;
        for (long pid : processIds.stream().flatMap(id -> ProcessHandle.of(id).stream()
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))).map(ProcessHandle::pid).distinct().toList()) {
            try {
                kibibytes += Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("VmRSS:")).mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).sum();
            } catch (IOException gone) {
                // The process ended in between: it holds no memory any more.
            }
        }
        return kibibytes / 1024;
    }
}
