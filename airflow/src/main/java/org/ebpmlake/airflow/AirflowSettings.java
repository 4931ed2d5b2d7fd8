package org.ebpmlake.airflow;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import org.ebpmlake.lake.LakeSettings;

/**
 * Where Airflow lives and listens: its Python environment (installed once per project, from the lock file), its home
 * (configuration, SQLite metadata, DAG folder, task logs) under {@code lake.services.directory}, the API server's port
 * on 127.0.0.1, how many tasks may run at once, the password file of its one user, and the {@code ./lake} script its
 * tasks call.
 *
 * @param environment the Python virtual environment Airflow is installed into
 * @param lockFile the pinned requirements of that environment
 * @param home {@code AIRFLOW_HOME}
 * @param parallelism task slots; the lake's run lock lets one task work at a time, a second slot starts the next
 *     task's JVM meanwhile
 * @param passwordsFile the simple auth manager's passwords, generated on first use (mode 600)
 * @param lakeScript the {@code lake} script at the project's root
 */
public record AirflowSettings(Path environment, Path lockFile, Path home, int port, int parallelism, Path passwordsFile,
        Path lakeScript) {
    public static final String USER = "lake";

    public AirflowSettings {
        environment = requireNonNull(environment, "environment is null").toAbsolutePath().normalize();
        lockFile = requireNonNull(lockFile, "lockFile is null").toAbsolutePath().normalize();
        home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("lake.airflow.port must be in 1024-65535, got " + port);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("lake.airflow.parallelism must be at least 1, got " + parallelism);
        }
        passwordsFile = requireNonNull(passwordsFile, "passwordsFile is null").toAbsolutePath().normalize();
        lakeScript = requireNonNull(lakeScript, "lakeScript is null").toAbsolutePath().normalize();
    }

    public static AirflowSettings from(LakeSettings settings, Path projectDirectory) {
        requireNonNull(settings, "settings is null");
        requireNonNull(projectDirectory, "projectDirectory is null");
        Path services = projectDirectory.resolve(settings.option("lake.services.directory").orElse("var/services")).resolve("airflow");
        String passwords = settings.option("lake.airflow.passwords-file").orElse("var/secrets/airflow-passwords.json");
        return new AirflowSettings(services.resolve("venv"),
                projectDirectory.resolve(settings.option("lake.airflow.lock-file").orElse("conf/python/airflow.lock")),
                services.resolve("home"), settings.intOption("lake.airflow.port", 18280),
                settings.intOption("lake.airflow.parallelism", 2), projectDirectory.resolve(passwords), projectDirectory.resolve("lake"));
    }

    public Path dagFolder() {
        return home.resolve("dags");
    }

    public Path database() {
        return home.resolve("airflow.db");
    }

    public Path logFolder() {
        return home.resolve("logs");
    }

    /** The API server's address; the REST API is under {@code /api/v2}, tokens come from {@code /auth/token}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
