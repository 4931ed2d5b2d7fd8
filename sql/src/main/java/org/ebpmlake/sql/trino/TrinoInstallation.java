package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.pipelines.ops.Progress;

/**
 * Installs Trino once, from Maven Central ({@code io.trino:trino-server:<version>:tar.gz}, fetched by Maven
 * so the same mirrors and proxies apply), into the project's services folder. Only the plugins the lake
 * uses are kept, and SQLite's JDBC driver is added to the Iceberg plugin so Trino reads the embedded
 * catalog file.
 */
public final class TrinoInstallation {
    static final Set<String> KEPT_PLUGINS = Set.of("iceberg", "password-authenticators", "http-event-listener");

    private final TrinoSettings settings;
    private final Progress progress;

    public TrinoInstallation(TrinoSettings settings, Progress progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public boolean installed() {
        return Files.isRegularFile(settings.installation().resolve(".installed"));
    }

    public Path ensureInstalled() {
        Path target = settings.installation();
        if (installed()) {
            return target;
        }
        try {
            Path download = settings.servicesDirectory().resolve("download");
            Files.createDirectories(download);
            String artifact = "io.trino:trino-server:" + settings.version() + ":tar.gz";
            progress.report("Trino をインストール中 / installing Trino " + settings.version() + " from Maven Central ...");
            run(List.of("mvn", "-B", "-q", "dependency:copy", "-Dartifact=" + artifact, "-DoutputDirectory=" + download), download);
            Path tarball = download.resolve("trino-server-" + settings.version() + ".tar.gz");
            FolderTree.delete(target);
            run(List.of("tar", "-xzf", tarball.toString(), "-C", settings.servicesDirectory().toString()), download);
            try (Stream<Path> plugins = Files.list(target.resolve("plugin"))) {
                for (Path plugin : plugins.toList()) {
                    if (!KEPT_PLUGINS.contains(plugin.getFileName().toString())) {
                        FolderTree.delete(plugin);
                    }
                }
            }
            Path sqliteDriver = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(sqliteDriver, target.resolve("plugin/iceberg").resolve(sqliteDriver.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.delete(tarball);
            Files.writeString(target.resolve(".installed"), artifact + "\n");
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Trino into " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the SQLite JDBC driver jar", e);
        }
    }

    private static void run(List<String> command, Path directory) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
