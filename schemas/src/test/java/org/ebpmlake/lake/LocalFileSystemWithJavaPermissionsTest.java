package org.ebpmlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemWithJavaPermissionsTest {
    @Test
    void filesAndFoldersItCreatesAreTheOwnersOnlyUnderTheLakesUmask(@TempDir Path directory) throws IOException {
        Configuration conf = new Configuration(false);
        conf.set("fs.permissions.umask-mode", "077");
        try (FileSystem fs = new LocalFileSystemWithJavaPermissions()) {
            fs.initialize(directory.toUri(), conf);
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(directory.toUri().toString(), "zone/table");
            assertThat(fs.mkdirs(folder)).isTrue();
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(folder, "data.parquet"))) {
                out.write(new byte[] {1, 2, 3});
            }
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("zone/table")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("zone/table/data.parquet"))))
                .isEqualTo("rw-------");
        // Its checksum file too: the local file system still keeps one beside each file.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("zone/table/.data.parquet.crc"))))
                .isEqualTo("rw-------");
        assertThat(Files.readAllBytes(directory.resolve("zone/table/data.parquet"))).containsExactly(1, 2, 3);
    }

    @Test
    void readsHadoopsPermissionBitsAsJavasOwnerGroupAndOthers() {
        assertThat(PosixFilePermissions.toString(LocalFileSystemWithJavaPermissions.posix(new FsPermission((short) 0754))))
                .isEqualTo("rwxr-xr--");
        assertThat(PosixFilePermissions.toString(LocalFileSystemWithJavaPermissions.posix(new FsPermission((short) 01600))))
                .isEqualTo("rw-------");
        assertThat(LocalFileSystemWithJavaPermissions.posix(new FsPermission((short) 0))).isEmpty();
    }
}
