package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.GeneratedSecret;
import org.ebpmlake.lake.services.PythonEnvironment;
import org.ebpmlake.lake.services.Readiness;
import org.ebpmlake.lake.services.ServiceProcess;
import org.ebpmlake.lake.services.SetupCommand;

/**
 * Apache Superset from PyPI, on 127.0.0.1 only: installed on first use into its own Python environment, with SQLite
 * metadata in its home, its signing key and administrator's password generated into the secrets folder (mode 600),
 * and served by gunicorn bound to 127.0.0.1. The administrator's password reaches {@code superset fab create-admin}
 * through the environment (readable by the owner only), never through a command line other users can list.
 */
public final class SupersetServer {
    /**
     * CA bundles this machine exports for Python's requests library: with them set, the Trino driver ignores the
     * certificate Superset is told to trust and refuses the lake's self-signed one.
     */
    private static final Set<String> WITHOUT = Set.of("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE");
    private static final String CONFIGURATION = "superset/superset_config.py";

    private final SupersetSettings settings;
    private final Consumer<String> progress;
    private final ServiceProcess process;

    public SupersetServer(SupersetSettings settings, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.process = new ServiceProcess("superset", settings.home().resolve("superset.pid"), settings.home().resolve("superset.log"));
    }

    public PythonEnvironment environment() {
        return new PythonEnvironment(settings.environment(), settings.lockFile());
    }

    public SupersetSettings settings() {
        return settings;
    }

    /** A client of this server's REST API, logged in as its administrator. */
    public SupersetClient client() {
        return new SupersetClient(settings.url(), SupersetSettings.ADMIN, adminPassword());
    }

    /**
     * Installs Superset if needed, creates or upgrades its metadata (with the administrator and the built-in roles)
     * when the environment is new or the metadata was never prepared, starts the web server unless it runs, and waits
     * until it answers.
     */
    public void up(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        boolean installedNow = !environment().ensureInstalled(progress).isZero();
        OwnerOnlyFiles.createDirectories(settings.home());
        OwnerOnlyFiles.restrictFolder(settings.home());
        writeConfiguration();
        GeneratedSecret.readOrCreate(settings.secretKeyFile(), 42);
        String adminPassword = adminPassword();
        Path prepared = settings.home().resolve(".prepared");
        // A new installation (a changed lock file) may bring a new metadata schema: upgrade then, and on first use.
        if (installedNow || !Files.isRegularFile(prepared)) {
            progress.accept("Superset のメタデータを準備中 / preparing Superset's metadata " + settings.metadataDatabase());
            Path log = settings.home().resolve("setup.log");
            SetupCommand superset = new SetupCommand("Superset", settings.home(), variables(), WITHOUT);
            superset.run(List.of(executable("superset"), "db", "upgrade"), log);
            Map<String, String> admin = new HashMap<>(variables());
            // Flask's command line reads any option from FLASK_<COMMAND>_<OPTION>; the password stays off the command line.
            admin.put("FLASK_FAB_CREATE_ADMIN_USERNAME", SupersetSettings.ADMIN);
            admin.put("FLASK_FAB_CREATE_ADMIN_FIRSTNAME", "Lake");
            admin.put("FLASK_FAB_CREATE_ADMIN_LASTNAME", "Administrator");
            admin.put("FLASK_FAB_CREATE_ADMIN_EMAIL", "admin@localhost");
            admin.put("FLASK_FAB_CREATE_ADMIN_PASSWORD", adminPassword);
            new SetupCommand("Superset", settings.home(), admin, WITHOUT).run(List.of(executable("superset"), "fab", "create-admin"), log);
            superset.run(List.of(executable("superset"), "init"), log);
            OwnerOnlyFiles.writeString(prepared, Instant.now() + "\n");
        }
        if (!process.running()) {
            process.start(List.of(executable("gunicorn"), "--bind", "127.0.0.1:" + settings.port(), "--workers",
                    Integer.toString(settings.workers()), "--worker-class", "gthread", "--threads", "8", "--timeout", "120",
                    "superset.app:create_app()"), settings.home(), variables(), WITHOUT);
        }
        Readiness.await("Superset", this::healthy, List.of(process), timeout, process.logFile());
        progress.accept("Superset: " + settings.url() + " (user " + SupersetSettings.ADMIN + ", password in " + settings.adminPasswordFile() + ")");
    }

    public void down() {
        process.stop();
    }

    /** One line: state, pid, address and log file. */
    public List<String> status() {
        String state;
        boolean running = process.running();
        if (running && healthy()) {
            state = "稼働中 / up";
        } else if (running) {
            state = "起動中・異常 / running, not healthy";
        } else {
            state = "停止 / down";
        }
        return List.of(String.format("%-22s %-28s pid %-8s %s  log %s", "superset", state,
                process.pid().map(String::valueOf).orElse("-"), settings.url(), process.logFile()));
    }

    /** The web server's process and its workers, for checks of what they listen on and how much memory they hold. */
    public List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        process.pid().flatMap(ProcessHandle::of).ifPresent(handle -> {
            ids.add(handle.pid());
            handle.descendants().forEach(child -> ids.add(child.pid()));
        });
        return List.copyOf(ids);
    }

    /** Whether the web server answers its health check. */
    public boolean healthy() {
        return Readiness.answers(settings.url().resolve("/health"));
    }

    /** Superset's configuration, all of it from the environment and the generated configuration file. */
    Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        variables.put("SUPERSET_HOME", settings.home().toString());
        variables.put("SUPERSET_CONFIG_PATH", settings.configurationFile().toString());
        variables.put("FLASK_APP", "superset");
        variables.put("LAKE_SUPERSET_SECRET_KEY_FILE", settings.secretKeyFile().toString());
        variables.put("LAKE_SUPERSET_METADATA", settings.metadataDatabase().toString());
        // The front end's usage pixel calls a third party; nothing of the lake's use leaves the machine.
        variables.put("SCARF_ANALYTICS", "false");
        variables.put("PYTHONUNBUFFERED", "1");
        return variables;
    }

    private String executable(String name) {
        return environment().executable(name).toString();
    }

    private String adminPassword() {
        return GeneratedSecret.readOrCreate(settings.adminPasswordFile(), 24);
    }

    private void writeConfiguration() {
        try (InputStream in = SupersetServer.class.getClassLoader().getResourceAsStream(CONFIGURATION)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CONFIGURATION + " is missing from the classpath");
            }
            OwnerOnlyFiles.writeString(settings.configurationFile(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.configurationFile(), e);
        }
    }
}
