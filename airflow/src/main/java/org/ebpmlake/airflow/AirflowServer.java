package org.ebpmlake.airflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Apache Airflow 3 from PyPI, on 127.0.0.1 only: installed on first use into its own Python environment, with SQLite
 * metadata in its home, started as the three processes it needs (API server, scheduler, DAG processor) with the local
 * executor. The scheduler runs with {@code --skip-serve-logs}, so no log server opens on any interface (task logs come
 * through the API server, which reads them from the home's log folder); the API server binds 127.0.0.1, and the tasks
 * reach its execution API there.
 */
public final class AirflowServer {
    /** CA bundles this machine exports for Python's requests library; Airflow only talks to 127.0.0.1 over HTTP. */
    private static final Set<String> WITHOUT = Set.of("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AirflowSettings settings;
    private final Map<String, String> lakeEnvironment;
    private final Consumer<String> progress;
    private final Map<String, ServiceProcess> processes;

    /** Airflow whose tasks see the lake this process sees: they inherit its environment ({@code LAKE_*} settings included). */
    public AirflowServer(AirflowSettings settings, Consumer<String> progress) {
        this(settings, Map.of(), progress);
    }

    /**
     * Airflow whose tasks run {@code ./lake} with {@code lakeEnvironment} added to this process's environment, such as
     * {@code LAKE_WAREHOUSE} for a lake other than this process's.
     */
    public AirflowServer(AirflowSettings settings, Map<String, String> lakeEnvironment, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.lakeEnvironment = Map.copyOf(requireNonNull(lakeEnvironment, "lakeEnvironment is null"));
        this.progress = requireNonNull(progress, "progress is null");
        Path home = settings.home();
        this.processes = Map.of(
                "api-server", new ServiceProcess("airflow api-server", home.resolve("api-server.pid"), home.resolve("api-server.log")),
                "scheduler", new ServiceProcess("airflow scheduler", home.resolve("scheduler.pid"), home.resolve("scheduler.log")),
                "dag-processor", new ServiceProcess("airflow dag-processor", home.resolve("dag-processor.pid"),
                        home.resolve("dag-processor.log")));
    }

    public PythonEnvironment environment() {
        return new PythonEnvironment(settings.environment(), settings.lockFile());
    }

    /** A client of this server's REST API, logged in as the lake's user. */
    public AirflowClient client() {
        return new AirflowClient(settings.url(), AirflowSettings.USER, password());
    }

    /**
     * Installs Airflow if needed, creates or upgrades its metadata database, starts whatever is not running and waits
     * until the API server answers and reports the scheduler and DAG processor alive.
     */
    public void up(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        boolean installedNow = !environment().ensureInstalled(progress).isZero();
        password();
        Path migrated = settings.home().resolve(".migrated");
        // A new installation (a changed lock file) may bring a new metadata schema: migrate then, and on first use.
        if (installedNow || !Files.isRegularFile(migrated)) {
            progress.accept("Airflow のメタデータを準備中 / preparing Airflow's metadata database " + settings.database());
            runToEnd(List.of("db", "migrate"), settings.home().resolve("db-migrate.log"));
            try {
                Files.writeString(migrated, Instant.now() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + migrated, e);
            }
        }
        start("api-server", List.of("api-server", "--host", "127.0.0.1", "--port", Integer.toString(settings.port()), "--workers", "1"));
        start("scheduler", List.of("scheduler", "--skip-serve-logs"));
        start("dag-processor", List.of("dag-processor"));
        AirflowClient client = client();
        Readiness.await("Airflow", client::healthy, List.copyOf(processes.values()), timeout, settings.home());
        progress.accept("Airflow: " + settings.url() + " (user " + AirflowSettings.USER + ", password in " + settings.passwordsFile() + ")");
    }

    public void down() {
        for (String name : List.of("scheduler", "dag-processor", "api-server")) {
            processes.get(name).stop();
        }
    }

    /** One line per process: state, pid, address and log file. */
    public List<String> status() {
        // The health endpoint needs no login, so status never creates the passwords file.
        boolean healthy = processes.get("api-server").running() && new AirflowClient(settings.url(), AirflowSettings.USER, "").healthy();
        List<String> lines = new ArrayList<>();
        for (String name : List.of("api-server", "scheduler", "dag-processor")) {
            ServiceProcess process = processes.get(name);
            String state;
            if (process.running() && healthy) {
                state = "稼働中 / up";
            } else if (process.running()) {
                state = "起動中・異常 / running, not healthy";
            } else {
                state = "停止 / down";
            }
            String address = name.equals("api-server") ? settings.url().toString() : "-";
            lines.add(String.format("%-22s %-28s pid %-8s %s  log %s", "airflow " + name, state,
                    process.pid().map(String::valueOf).orElse("-"), address, process.logFile()));
        }
        return lines;
    }

    /** The process ids of Airflow's processes now running (their children included), for checks of what they listen on. */
    public List<Long> processIds() {
        List<Long> ids = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            process.pid().flatMap(ProcessHandle::of).ifPresent(handle -> {
                ids.add(handle.pid());
                handle.descendants().forEach(child -> ids.add(child.pid()));
            });
        }
        return List.copyOf(ids);
    }

    private void start(String name, List<String> arguments) {
        ServiceProcess process = processes.get(name);
        if (process.running()) {
            return;
        }
        // ServiceProcess starts it with umask 077: the metadata database, configuration and logs are the owner's only.
        List<String> command = new ArrayList<>(List.of(environment().executable("airflow").toString()));
        command.addAll(arguments);
        process.start(command, settings.home(), variables(), WITHOUT);
    }

    private void runToEnd(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>(List.of(environment().executable("airflow").toString()));
        command.addAll(arguments);
        new SetupCommand("Airflow", settings.home(), variables(), WITHOUT).run(command, log);
    }

    /** Airflow's configuration, all of it from the environment: nothing is left to a default that could listen elsewhere. */
    Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>(lakeEnvironment);
        String url = settings.url().toString();
        variables.put("AIRFLOW_HOME", settings.home().toString());
        variables.put("AIRFLOW__CORE__DAGS_FOLDER", settings.dagFolder().toString());
        variables.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
        variables.put("AIRFLOW__CORE__EXECUTOR", "LocalExecutor");
        variables.put("AIRFLOW__CORE__PARALLELISM", Integer.toString(settings.parallelism()));
        variables.put("AIRFLOW__CORE__EXECUTION_API_SERVER_URL", url + "/execution/");
        variables.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", AirflowSettings.USER + ":admin");
        variables.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", settings.passwordsFile().toString());
        variables.put("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:///" + settings.database());
        variables.put("AIRFLOW__API__HOST", "127.0.0.1");
        variables.put("AIRFLOW__API__PORT", Integer.toString(settings.port()));
        variables.put("AIRFLOW__API__BASE_URL", url);
        variables.put("AIRFLOW__LOGGING__BASE_LOG_FOLDER", settings.logFolder().toString());
        // New DAG files are seen within seconds, not the default five minutes.
        variables.put("AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL", "5");
        variables.put("AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL", "10");
        return variables;
    }

    /** The lake user's password, generated into the passwords file (mode 600) the first time. */
    private String password() {
        Path file = settings.passwordsFile();
        try {
            if (!Files.isRegularFile(file)) {
                ObjectNode passwords = JSON.createObjectNode().put(AirflowSettings.USER, GeneratedSecret.random(24));
                OwnerOnlyFiles.writeString(file, passwords.toString());
            }
            return JSON.readTree(file.toFile()).path(AirflowSettings.USER).asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create Airflow's passwords file " + file, e);
        }
    }
}
