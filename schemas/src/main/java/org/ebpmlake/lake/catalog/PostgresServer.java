package org.ebpmlake.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.GeneratedSecret;
import org.ebpmlake.lake.services.Readiness;
import org.ebpmlake.lake.services.ServiceProcess;

/**
 * A PostgreSQL server from Debian's {@code postgresql} package, run by the project for the cluster environment's shared
 * Iceberg catalog: initialised once (a superuser {@value PostgresSettings#ADMIN} and a catalog role that owns only its
 * database, both with generated passwords and SCRAM authentication), listening on 127.0.0.1 only, with its Unix socket
 * inside its own owner-only data directory so no other local account can reach it that way either.
 */
public final class PostgresServer {
    private static final int PASSWORD_BYTES = 24;

    private final PostgresSettings settings;
    private final Consumer<String> progress;
    private final ServiceProcess process;

    public PostgresServer(PostgresSettings settings, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.process = new ServiceProcess("postgres", settings.home().resolve("postgres.pid"), settings.home().resolve("postgres.log"));
    }

    public ServiceProcess process() {
        return process;
    }

    /** Initialises the server if it never ran, starts it, waits until it answers and makes the catalog's role and database. */
    public void up(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        Path bin = binDirectory();
        // Like every service's: pid, log and secrets are this account's alone.
        OwnerOnlyFiles.createDirectories(settings.home());
        OwnerOnlyFiles.restrictFolder(settings.home().getParent());
        OwnerOnlyFiles.restrictFolder(settings.home());
        String adminPassword = GeneratedSecret.readOrCreate(settings.adminPasswordFile(), PASSWORD_BYTES);
        String catalogPassword = GeneratedSecret.readOrCreate(settings.catalogPasswordFile(), PASSWORD_BYTES);
        if (!Files.isRegularFile(settings.dataDirectory().resolve("PG_VERSION"))) {
            initialise(bin, adminPassword);
        }
        if (!process.running()) {
            process.start(asServerAccount(List.of(bin.resolve("postgres").toString(), "-D", settings.dataDirectory().toString(),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "port=" + settings.port(),
                    "-c", "unix_socket_directories=" + settings.dataDirectory(),
                    "-c", "logging_collector=off")), settings.dataDirectory().getParent(), Map.of());
        }
        Readiness.await("PostgreSQL", () -> answers(adminPassword), List.of(process), timeout, process.logFile());
        ensureCatalogDatabase(adminPassword, catalogPassword);
        progress.accept("PostgreSQL: " + settings.jdbcUrl() + " (healthy); user " + settings.user() + ", password in "
                + settings.catalogPasswordFile() + " (give it to the lake as LAKE_CATALOG_PASSWORD)");
    }

    /** Stops the server with a fast shutdown (open sessions are ended, nothing committed is lost). */
    public void down() {
        if (process.running()) {
            try {
                run(asServerAccount(List.of(binDirectory().resolve("pg_ctl").toString(), "stop", "-D", settings.dataDirectory().toString(),
                        "-m", "fast", "-w")), "pg_ctl stop");
            } catch (LakeException e) {
                progress.accept("pg_ctl stop failed (" + e.getMessage() + "); stopping the process");
            }
        }
        process.stop();
    }

    /**
     * A further empty database owned by the catalog's role (a benchmark's or a test's lake of its own beside the main
     * one); its JDBC URL. Dropped again by {@link #dropDatabase}.
     */
    public String createDatabase(String name) {
        requireSimpleName(name);
        adminStatement("CREATE DATABASE " + name + " OWNER " + settings.user() + " ENCODING 'UTF8'");
        adminStatement("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        return "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + name;
    }

    public void dropDatabase(String name) {
        requireSimpleName(name);
        if (name.equals(settings.database())) {
            throw new IllegalArgumentException("the catalog's own database " + name + " is not dropped here");
        }
        adminStatement("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void requireSimpleName(String name) {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a database name is lower snake case, not '" + name + "'");
        }
    }

    private void adminStatement(String sql) {
        String password = GeneratedSecret.readOrCreate(settings.adminPasswordFile(), PASSWORD_BYTES);
        try (Connection admin = connect(settings.adminUrl(), PostgresSettings.ADMIN, password); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "PostgreSQL " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    public List<String> status() {
        boolean healthy = process.running() && Files.isRegularFile(settings.adminPasswordFile())
                && answers(GeneratedSecret.readOrCreate(settings.adminPasswordFile(), PASSWORD_BYTES));
        return List.of(process.statusLine(healthy, settings.jdbcUrl() + " (data " + settings.dataDirectory() + ")"));
    }

    private void initialise(Path bin, String adminPassword) {
        progress.accept("PostgreSQL: initialising " + settings.dataDirectory());
        Path parent = settings.dataDirectory().getParent();
        List<Path> created = missingFolders(parent);
        OwnerOnlyFiles.createDirectories(parent);
        Path passwordFile = parent.resolve("initdb.password");
        try {
            OwnerOnlyFiles.writeString(passwordFile, adminPassword + "\n");
            List<Path> handed = new ArrayList<>(created);
            handed.add(passwordFile);
            settings.osUser().ifPresent(account -> handOver(account, handed));
            run(asServerAccount(List.of(bin.resolve("initdb").toString(), "-D", settings.dataDirectory().toString(),
                    "--username=" + PostgresSettings.ADMIN, "--auth=scram-sha-256", "--pwfile=" + passwordFile,
                    "--encoding=UTF8", "--no-locale")), "initdb");
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + passwordFile, e);
            }
        }
    }

    /** The folders of {@code folder}'s path that do not exist yet, outermost first. */
    private static List<Path> missingFolders(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path path = folder; path != null && !Files.exists(path); path = path.getParent()) {
            missing.add(0, path);
        }
        return missing;
    }

    /**
     * The server's account must own the folders it initialises into and read the one-time password file: only what this
     * service made is handed over, never a folder that was there before.
     */
    private static void handOver(String account, List<Path> paths) {
        try {
            UserPrincipal owner = paths.get(0).getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
            for (Path path : paths) {
                Files.setOwner(path, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + paths + " to " + account, e);
        }
    }

    private List<String> asServerAccount(List<String> command) {
        if (settings.osUser().isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", settings.osUser().get(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private void run(List<String> command, String what) {
        try {
            OwnerOnlyFiles.createDirectories(process.logFile().getParent());
            if (!Files.exists(process.logFile())) {
                OwnerOnlyFiles.writeString(process.logFile(), "");
            }
            Process started = new ProcessBuilder(command).directory(settings.dataDirectory().getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(process.logFile().toFile())).start();
            if (!started.waitFor(2, TimeUnit.MINUTES)) {
                started.destroyForcibly();
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, what + " did not finish within 2 minutes; see " + process.logFile());
            }
            if (started.exitValue() != 0) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, what + " failed (exit " + started.exitValue() + "); see "
                        + process.logFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while running " + what, e);
        }
    }

    private boolean answers(String adminPassword) {
        try (Connection ignored = connect(settings.adminUrl(), PostgresSettings.ADMIN, adminPassword)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The catalog's role (a login, not a superuser) and its database, which no other role may connect to. */
    private void ensureCatalogDatabase(String adminPassword, String catalogPassword) {
        try (Connection admin = connect(settings.adminUrl(), PostgresSettings.ADMIN, adminPassword);
                Statement statement = admin.createStatement()) {
            String password = "'" + catalogPassword.replace("'", "''") + "'";
            if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", settings.user())) {
                // The password file is the truth: a regenerated secret takes effect at the next start.
                statement.execute("ALTER ROLE " + settings.user() + " LOGIN NOSUPERUSER PASSWORD " + password);
            } else {
                statement.execute("CREATE ROLE " + settings.user() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + password);
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", settings.database())) {
                statement.execute("CREATE DATABASE " + settings.database() + " OWNER " + settings.user() + " ENCODING 'UTF8'");
            }
            statement.execute("REVOKE ALL ON DATABASE " + settings.database() + " FROM PUBLIC");
        } catch (SQLException e) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "cannot prepare the catalog database on " + settings.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    /** {@code lake.postgres.bin-directory}, else the newest PostgreSQL Debian's packages installed. */
    Path binDirectory() {
        Optional<Path> chosen = settings.binDirectory().or(PostgresServer::newestDebianInstallation);
        return chosen.filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb")))
                .orElseThrow(() -> new LakeException(ErrorCategory.SERVICE_UNAVAILABLE,
                        "PostgreSQL がインストールされていません / PostgreSQL is not installed: apt-get install postgresql (Debian),"
                                + " or set lake.postgres.bin-directory to the folder of its postgres and initdb"));
    }

    private static Optional<Path> newestDebianInstallation() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
