package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import org.ebpmlake.lake.LakeSettings;

/**
 * Where Superset lives and listens: its Python environment (installed once per project from the lock file; it cannot
 * share Airflow's), its home (configuration, SQLite metadata, pid and log) under {@code lake.services.directory},
 * the web server's port on 127.0.0.1, and the folder of its generated secrets (signing key, administrator's and
 * audience users' passwords, each mode 600).
 *
 * @param environment the Python virtual environment Superset is installed into
 * @param lockFile the pinned requirements of that environment
 * @param home {@code SUPERSET_HOME}: configuration, metadata database, pid and log file
 * @param port the web server's port on 127.0.0.1
 * @param workers gunicorn worker processes (each with threads; one uses about 0.3 GB)
 * @param secrets the folder of Superset's generated secrets
 */
public record SupersetSettings(Path environment, Path lockFile, Path home, int port, int workers, Path secrets) {
    public static final String ADMIN = "admin";

    public SupersetSettings {
        environment = requireNonNull(environment, "environment is null").toAbsolutePath().normalize();
        lockFile = requireNonNull(lockFile, "lockFile is null").toAbsolutePath().normalize();
        home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("lake.superset.port must be in 1024-65535, got " + port);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("lake.superset.workers must be at least 1, got " + workers);
        }
        secrets = requireNonNull(secrets, "secrets is null").toAbsolutePath().normalize();
    }

    public static SupersetSettings from(LakeSettings settings, Path projectDirectory) {
        requireNonNull(settings, "settings is null");
        requireNonNull(projectDirectory, "projectDirectory is null");
        Path services = projectDirectory.resolve(settings.option("lake.services.directory").orElse("var/services")).resolve("superset");
        return new SupersetSettings(services.resolve("venv"),
                projectDirectory.resolve(settings.option("lake.superset.lock-file").orElse("conf/python/superset.lock")),
                services.resolve("home"), settings.intOption("lake.superset.port", 18288), settings.intOption("lake.superset.workers", 1),
                projectDirectory.resolve(settings.option("lake.superset.secrets-directory").orElse("var/secrets")));
    }

    public Path metadataDatabase() {
        return home.resolve("superset.db");
    }

    public Path configurationFile() {
        return home.resolve("superset_config.py");
    }

    public Path secretKeyFile() {
        return secrets.resolve("superset-secret-key");
    }

    public Path adminPasswordFile() {
        return secrets.resolve("superset-admin.password");
    }

    /** The password of the Superset user of an audience (a role of the SQL services), generated on first publish. */
    public Path audiencePasswordFile(String roleCode) {
        requireNonNull(roleCode, "roleCode is null");
        return secrets.resolve("superset-" + roleCode + ".password");
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
