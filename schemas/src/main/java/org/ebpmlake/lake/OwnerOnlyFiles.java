package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates the lake's folders and secret files readable by their owner only (0700 and 0600), whatever the umask
 * of the process: on a shared host another local user must not read the lake, a key or a password, even when a
 * command was started without the launcher's {@code umask 077}.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates the folder and any missing parent, each new one 0700; an existing folder is left as it is. */
    public static Path createDirectories(Path folder) {
        requireNonNull(folder, "folder is null");
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute, attribute(FOLDER));
        } catch (FileAlreadyExistsException e) {
            // Another process created it in between; it is still a folder.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + absolute, e);
        }
        return absolute;
    }

    /** Makes an existing folder 0700: the lake's root folders are the boundary other local users must not cross. */
    public static void restrictFolder(Path folder) {
        setPermissions(folder, FOLDER);
    }

    /**
     * Takes every permission of group and others off a tree another program wrote with modes of its own (an installer
     * copies a package's files as the package says, 0644 and 0755, whatever the umask); the owner's bits stay, so what
     * was executable still is. Symbolic links are not followed.
     */
    public static void restrictTree(Path root) {
        requireNonNull(root, "root is null");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !Files.isSymbolicLink(path)).toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.removeIf(permission -> !permission.name().startsWith("OWNER"))) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files under " + root + " to their owner", e);
        }
    }

    /** Makes an existing file 0600, for files another program created under its own umask. */
    public static void restrictFile(Path file) {
        setPermissions(file, FILE);
    }

    /** Writes the file as 0600 (created so, or tightened first if it existed), its folder created 0700. */
    public static Path writeString(Path file, String content) {
        requireNonNull(content, "content is null");
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] content) {
        requireNonNull(file, "file is null");
        requireNonNull(content, "content is null");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (Files.exists(file)) {
                setPermissions(file, FILE);
            } else {
                Files.createFile(file, attribute(FILE));
            }
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + path, e);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
