package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.ebpmlake.lake.LakeSettings;

/**
 * Where the SQL services live and listen: the install and runtime folders under {@code lake.services.directory},
 * Trino's ports and the audit receiver's port, all on 127.0.0.1.
 */
public record TrinoSettings(Path servicesDirectory, String version, int httpPort, int httpsPort, int auditPort, Path usersFile) {
    public TrinoSettings {
        servicesDirectory = requireNonNull(servicesDirectory, "servicesDirectory is null").toAbsolutePath().normalize();
        requireNonNull(version, "version is null");
        requireNonNull(usersFile, "usersFile is null");
        for (int port : new int[] {httpPort, httpsPort, auditPort}) {
            if (port < 1024 || port > 65535) {
                throw new IllegalArgumentException("service ports must be in 1024-65535, got " + port);
            }
        }
    }

    public static TrinoSettings from(LakeSettings settings, Path projectDirectory) {
        requireNonNull(settings, "settings is null");
        Path services = projectDirectory.resolve(settings.option("lake.services.directory").orElse("var/services"));
        String usersFile = settings.option("lake.sql.users-file").orElse("");
        Path users = usersFile.isBlank() ? projectDirectory.resolve("var/secrets/sql-users.txt") : projectDirectory.resolve(usersFile);
        return new TrinoSettings(services, settings.option("lake.trino.version").orElse("476"),
                settings.intOption("lake.trino.http-port", 18080), settings.intOption("lake.trino.https-port", 18443),
                settings.intOption("lake.audit.port", 18091), users);
    }

    /** The unpacked server, shared by every lake on the machine. */
    public Path installation() {
        return servicesDirectory.resolve("trino-server-" + version);
    }

    /** Configuration, data, logs and pid of the running server. */
    public Path runtime() {
        return servicesDirectory.resolve("trino");
    }

    /** The secret the audit receiver asks of every event, kept beside the users file (mode 600). */
    public Path auditSecretFile() {
        return usersFile.toAbsolutePath().getParent().resolve("audit-receiver.secret");
    }

    /** The catalog only stewards see, the one whose connector allows table procedures. */
    public static String maintenanceCatalogName(String catalogName) {
        return catalogName + "_maintenance";
    }

    public Path auditSpool() {
        return servicesDirectory.resolve("audit").resolve("query-events.jsonl");
    }

    /** The JDBC URL for DBeaver and other tools, with the lake's catalog as the default. */
    public String jdbcUrl(String catalogName) {
        return "jdbc:trino://127.0.0.1:" + httpsPort + "/" + catalogName;
    }
}
