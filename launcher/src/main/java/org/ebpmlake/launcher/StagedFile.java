package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written whole beside its target under a hidden temporary name (owner-only, as every file the lake writes),
 * then either moved into place in one step or deleted: a reader of the target never sees half a file, nor one that
 * was written while still being checked and then refused.
 */
final class StagedFile implements AutoCloseable {
    private final Path partial;
    private final Path target;
    private boolean published;

    private StagedFile(Path partial, Path target) {
        this.partial = partial;
        this.target = target;
    }

    /** A new, empty temporary file in the target's folder. */
    static StagedFile beside(Path target) throws IOException {
        requireNonNull(target, "target is null");
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        return new StagedFile(Files.createTempFile(folder, "." + target.getFileName(), ".partial"), target);
    }

    Path partial() {
        return partial;
    }

    /** Moves the complete file into place, replacing what was there. */
    void publish() throws IOException {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        published = true;
    }

    /** Deletes the temporary file unless it was published. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unpublished " + partial, e);
        }
    }
}
