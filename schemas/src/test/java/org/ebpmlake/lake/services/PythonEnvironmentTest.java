package org.ebpmlake.lake.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.ebpmlake.lake.LakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a project-local Python environment counts as installed. The install itself (uv from PyPI) runs for real in the
 * integration phase, for Airflow.
 */
class PythonEnvironmentTest {
    @Test
    void anEnvironmentBuiltFromTheSameLockFileIsNotInstalledAgain(@TempDir Path folder) throws IOException, NoSuchAlgorithmException {
        Path lock = Files.writeString(folder.resolve("tool.lock"), "tool==1.0 --hash=sha256:00\n");
        Path directory = Files.createDirectories(folder.resolve("venv"));
        Files.writeString(directory.resolve(".ebpm-lake-installed"), sha256(lock) + "\n");
        List<String> progress = new ArrayList<>();

        PythonEnvironment environment = new PythonEnvironment(directory, lock);

        assertThat(environment.installed()).isTrue();
        assertThat(environment.ensureInstalled(progress::add)).isEqualTo(Duration.ZERO);
        assertThat(progress).isEmpty();
        assertThat(environment.executable("airflow")).isEqualTo(directory.resolve("bin/airflow"));
    }

    @Test
    void aChangedLockFileOrAHalfFinishedInstallIsNotTakenForInstalled(@TempDir Path folder) throws IOException, NoSuchAlgorithmException {
        Path lock = Files.writeString(folder.resolve("tool.lock"), "tool==1.0 --hash=sha256:00\n");
        Path directory = Files.createDirectories(folder.resolve("venv"));
        Files.writeString(directory.resolve(".ebpm-lake-installed"), sha256(lock) + "\n");
        PythonEnvironment environment = new PythonEnvironment(directory, lock);

        Files.writeString(lock, "tool==2.0 --hash=sha256:11\n");
        assertThat(environment.installed()).isFalse();

        Files.delete(directory.resolve(".ebpm-lake-installed"));
        assertThat(environment.installed()).isFalse();
    }

    @Test
    void aMissingLockFileIsSaidSo(@TempDir Path folder) {
        PythonEnvironment environment = new PythonEnvironment(folder.resolve("venv"), folder.resolve("missing.lock"));

        assertThatThrownBy(() -> environment.ensureInstalled(line -> { })).isInstanceOf(LakeException.class)
                .hasMessageContaining("missing.lock");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
