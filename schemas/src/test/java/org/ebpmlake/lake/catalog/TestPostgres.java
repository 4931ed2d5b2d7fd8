package org.ebpmlake.lake.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;

/**
 * A real PostgreSQL for a test, started as {@code ./lake services up postgres} starts it but with a port, folders and
 * secrets of its own under {@code directory}; {@link #close} stops it and removes its data.
 */
public final class TestPostgres implements AutoCloseable {
    private final PostgresSettings settings;
    private final PostgresServer server;

    private TestPostgres(PostgresSettings settings) {
        this.settings = settings;
        this.server = new PostgresServer(settings, line -> { });
    }

    public static TestPostgres start(Path directory) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LakeSettings local = new LakeSettingsLoader(LakeExtension.repositoryRoot(), Map.of("LAKE_ENV", "local")).load()
                .withOption("lake.services.directory", directory.resolve("services").toString())
                .withOption("lake.postgres.secrets-directory", directory.resolve("secrets").toString())
                .withOption("lake.postgres.port", Integer.toString(port));
        TestPostgres postgres = new TestPostgres(PostgresSettings.from(local, LakeExtension.repositoryRoot(), OsAccounts.runningAsRoot(),
                OsAccounts.host()));
        postgres.server.up(Duration.ofMinutes(2));
        return postgres;
    }

    public PostgresSettings settings() {
        return settings;
    }

    public PostgresServer server() {
        return server;
    }

    public String catalogPassword() {
        try {
            return Files.readString(settings.catalogPasswordFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lake of the local environment's settings whose catalog is this server's database, in {@code directory}. */
    public LakeSettings lake(String catalogName, Path directory) {
        LakeSettings local = new LakeSettingsLoader(LakeExtension.repositoryRoot(), Map.of("LAKE_ENV", "local")).load();
        return new LakeSettings("cluster", directory.resolve("lake"), catalogName, settings.jdbcUrl(), "local[2]", directory.resolve("site"),
                directory.resolve("sources"), local.withOption("lake.catalog.user", settings.user())
                        .withOption("lake.inbox", directory.resolve("inbox").toString()).options());
    }

    @Override
    public void close() {
        server.down();
        // As root the data lives in the server account's home, outside the test's folder.
        Path data = settings.dataDirectory().getParent();
        try {
            FolderTree.delete(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + data, e);
        }
    }
}
