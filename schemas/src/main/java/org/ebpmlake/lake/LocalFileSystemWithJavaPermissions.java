package org.ebpmlake.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksums and all) for the lake's {@code file:} paths, setting the permissions of what
 * it creates through Java rather than by starting {@code chmod}.
 *
 * <p>Hadoop sets the permissions of every file and folder it creates. Without its native library, which no Maven
 * artifact ships, it does so by running a {@code chmod} process each time: twice per data file (the file and its
 * checksum file), so an ingest of the city's registry started some six hundred processes from a JVM of several
 * gigabytes, seconds of system time. The permissions set are the same (the lake's umask, 077, leaves the owner's
 * bits only).
 */
public final class LocalFileSystemWithJavaPermissions extends LocalFileSystem {
    public LocalFileSystemWithJavaPermissions() {
        super(new RawWithJavaPermissions());
    }

    /** The raw local file system underneath, whose {@code setPermission} is the one that started processes. */
    static final class RawWithJavaPermissions extends RawLocalFileSystem {
        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
        }
    }

    /** The owner's, group's and others' bits of Hadoop's permission (not the sticky bit, which Java cannot set). */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(new FsPermission((short) (permission.toShort() & 0777)).toString());
    }
}
