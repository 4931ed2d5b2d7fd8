package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder and everything in it, removed deepest first; the one way the platform deletes a tree it made. */
public final class FolderTree {
    private FolderTree() {
    }

    /** Deletes {@code root} and all it holds; nothing happens when it does not exist. */
    public static void delete(Path root) throws IOException {
        requireNonNull(root, "root is null");
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
