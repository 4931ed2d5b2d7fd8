package org.ebpmlake.sql.trino;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.AuditSecret;
import org.ebpmlake.sql.query.TrinoSqlEngine;

/**
 * A real Trino (installed from Maven Central into the project's var/services on first use) on a temporary lake, with
 * the users of a given users file, its rules rendered from the roles, and the audit receiver, all on free ports of
 * 127.0.0.1. TrinoIT starts its own the same way; this fixture serves the tests written since.
 */
final class TrinoOnLake implements AutoCloseable {
    private final TrinoSettings settings;
    private final TrinoConfiguration configuration;
    private final TrinoServer trino;
    private final AuditReceiver receiver;
    private final LakeSettings lake;

    private TrinoOnLake(TrinoSettings settings, TrinoConfiguration configuration, TrinoServer trino, AuditReceiver receiver, LakeSettings lake) {
        this.settings = settings;
        this.configuration = configuration;
        this.trino = trino;
        this.receiver = receiver;
        this.lake = lake;
    }

    /** Starts Trino for the users written in {@code usersFile} (name:role:department:password lines). */
    static TrinoOnLake start(TemporaryLake lake, String usersFile) throws IOException {
        Path root = LakeExtension.repositoryRoot();
        LakeSettings repositorySettings = new LakeSettingsLoader(root, Map.of()).load();
        Path installed = new TrinoInstallation(TrinoSettings.from(repositorySettings, root), line -> { }).ensureInstalled();
        Path services = lake.directory().resolve("services");
        TrinoSettings settings = new TrinoSettings(services, repositorySettings.option("lake.trino.version").orElseThrow(),
                freePort(), freePort(), freePort(), lake.directory().resolve("secrets/users.txt"));
        Files.createDirectories(services);
        Files.createSymbolicLink(settings.installation(), installed);
        Files.createDirectories(settings.usersFile().getParent());
        Files.writeString(settings.usersFile(), usersFile);
        TrinoConfiguration configuration = new TrinoConfiguration(settings, lake.settings(), SqlUsers.read(settings.usersFile()));
        configuration.write();
        AuditReceiver receiver = new AuditReceiver(settings.auditPort(), settings.auditSpool(), lake.settings().catalogName(),
                AuditSecret.readOrCreate(settings.auditSecretFile()));
        receiver.start();
        TrinoServer trino = new TrinoServer(settings);
        trino.start(configuration.etc());
        trino.awaitHealthy(Duration.ofMinutes(3));
        return new TrinoOnLake(settings, configuration, trino, receiver, lake.settings());
    }

    TrinoSqlEngine engine(SqlUser user) {
        return new TrinoSqlEngine(settings.jdbcUrl(lake.catalogName()), user, configuration.trustStore(), TrinoConfiguration.trustStorePassword());
    }

    SqlUser user(String name) {
        return SqlUsers.read(settings.usersFile()).byName(name).orElseThrow();
    }

    @Override
    public void close() {
        trino.stop();
        receiver.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
