package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a folder and everything under it, for tests that set up a lake from files another lake or the repository has. */
final class FolderCopy {
    private FolderCopy() {
    }

    /** Copies every folder and file under {@code from} to the same place under {@code to}, each file with the options. */
    static void copy(Path from, Path to, CopyOption... options) throws IOException {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, options);
                }
            }
        }
    }
}
