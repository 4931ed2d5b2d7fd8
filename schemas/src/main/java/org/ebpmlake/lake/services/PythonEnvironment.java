package org.ebpmlake.lake.services;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * A project-local Python virtual environment, installed on first use from PyPI with exactly the versions of a
 * committed lock file ({@code uv pip compile --generate-hashes} output), so Airflow, Superset and the notebooks each
 * get their own environment and never share one another's pins. {@code uv} itself comes from PyPI too (a pinned,
 * hash-checked wheel installed with the machine's {@code python3 -m venv}); it never downloads a Python build
 * ({@code UV_PYTHON_DOWNLOADS=never}) and uses the machine's {@code python3}.
 *
 * <p>The environment is rebuilt whenever the lock file changes (the marker file holds the lock file's SHA-256), and
 * an install interrupted half-way is redone, not trusted. Concurrent callers wait for each other on a lock file.
 *
 * @param directory where the environment lives; {@code uv} is kept beside it, in {@code uv/} of the same parent
 * @param lockFile the pinned requirements with hashes
 */
public record PythonEnvironment(Path directory, Path lockFile) {
    private static final String MARKER = ".ebpm-lake-installed";
    private static final String UV_REQUIREMENTS = "python/uv.lock";

    public PythonEnvironment {
        directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
        lockFile = requireNonNull(lockFile, "lockFile is null").toAbsolutePath().normalize();
    }

    /** A program of the environment, such as {@code airflow} or {@code python}. */
    public Path executable(String name) {
        requireNonNull(name, "name is null");
        return directory.resolve("bin").resolve(name);
    }

    /** Whether the environment holds exactly what the lock file pins. */
    public boolean installed() {
        Path marker = directory.resolve(MARKER);
        try {
            return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(sha256(lockFile));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Installs the environment unless it already matches the lock file; returns how long the install took (zero when
     * there was nothing to do).
     */
    public Duration ensureInstalled(Consumer<String> progress) {
        requireNonNull(progress, "progress is null");
        if (!Files.isRegularFile(lockFile)) {
            throw new LakeException(ErrorCategory.INVALID_FILE, "ロックファイルがありません / no lock file " + lockFile);
        }
        Path parent = directory.getParent();
        try {
            Files.createDirectories(parent);
            try (FileChannel channel = FileChannel.open(parent.resolve(directory.getFileName() + ".install-lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (installed()) {
                    return Duration.ZERO;
                }
                long started = System.nanoTime();
                progress.accept("Python 環境をインストール中 / installing the Python environment " + directory
                        + " from PyPI (" + lockFile.getFileName() + ") ...");
                Path uvDirectory = parent.resolve("uv");
                Path uv = ensureUv(uvDirectory);
                FolderTree.delete(directory);
                Path log = parent.resolve(directory.getFileName() + "-install.log");
                run(List.of(uv.toString(), "venv", "--quiet", "-p", python3().toString(), directory.toString()), log);
                run(List.of(uv.toString(), "pip", "sync", "--quiet", "--require-hashes", "--python",
                        executable("python").toString(), lockFile.toString()), log);
                // uv copies each package's files with the package's own modes: owner-only, as every file the lake writes.
                OwnerOnlyFiles.restrictTree(directory);
                OwnerOnlyFiles.restrictTree(uvDirectory);
                Files.writeString(directory.resolve(MARKER), sha256(lockFile) + "\n");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                progress.accept(String.format("Python 環境を用意しました / installed %s in %.1f s", directory, took.toMillis() / 1000.0));
                return took;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Python environment " + directory, e);
        }
    }

    /** uv from PyPI, pinned with hashes, in a plain venv of the machine's Python. */
    private static Path ensureUv(Path uvDirectory) throws IOException {
        Path uv = uvDirectory.resolve("bin").resolve("uv");
        Path marker = uvDirectory.resolve(MARKER);
        String pinned;
        try (InputStream in = resource()) {
            pinned = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String pinHash = sha256(pinned.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (Files.isExecutable(uv) && Files.isRegularFile(marker) && Files.readString(marker).strip().equals(pinHash)) {
            return uv;
        }
        FolderTree.delete(uvDirectory);
        Path log = uvDirectory.resolveSibling("uv-install.log");
        run(List.of(python3().toString(), "-m", "venv", uvDirectory.toString()), log);
        Path requirements = uvDirectory.resolve("uv.lock");
        Files.writeString(requirements, pinned);
        run(List.of(uvDirectory.resolve("bin").resolve("pip").toString(), "install", "--quiet", "--require-hashes", "-r",
                requirements.toString()), log);
        Files.writeString(marker, pinHash + "\n");
        return uv;
    }

    private static InputStream resource() {
        InputStream in = PythonEnvironment.class.getClassLoader().getResourceAsStream(UV_REQUIREMENTS);
        if (in == null) {
            throw new IllegalStateException("resource " + UV_REQUIREMENTS + " is missing from the classpath");
        }
        return in;
    }

    /** The machine's {@code python3}, found on the PATH; uv is told to use it and never to fetch another. */
    static Path python3() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry).resolve("python3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "python3 が見つかりません。Python 3.11 以降（Debian: apt-get install"
                + " python3 python3-venv）を入れてください / no python3 on the PATH: install Python 3.11 or newer with its venv module");
    }

    private static void run(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // uv must use the machine's Python; it cannot download builds of its own here (and should not anywhere).
        builder.environment().put("UV_PYTHON_DOWNLOADS", "never");
        builder.environment().remove("VIRTUAL_ENV");
        Process process = builder.start();
        try {
            if (process.waitFor() != 0) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Python パッケージを入れられませんでした（" + log
                        + " を参照）/ '" + String.join(" ", command) + "' failed; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
