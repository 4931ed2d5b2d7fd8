package org.ebpmlake.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.PythonEnvironment;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.trino.TrinoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lake notebooks [NOTEBOOK...] [--out DIR]}: runs the analysts' notebooks of {@code notebooks/} top to bottom,
 * headless, with papermill, in their own Python environment ({@code conf/python/notebooks.lock}, installed on first use),
 * and keeps the executed copies. When Trino is up the notebooks read through it as a policy planner; otherwise they read
 * the Iceberg catalog directly. A failing cell or assertion fails the command, naming the notebook.
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"分析ノートブック（notebooks/）を最初から最後まで実行し、実行結果を保存します（失敗したセルがあれば終了コード 1）。",
            "Run the analysts' notebooks (notebooks/) top to bottom, headless, and keep the executed copies; a failing cell "
                + "exits 1."})
final class NotebooksCommand implements Callable<Integer> {
    /** Variables that make Python's requests ignore a session's own certificate (see RECIPES: Trino's self-signed one). */
    private static final List<String> DROPPED_VARIABLES = List.of("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE");

    @ParentCommand
    private Lake lake;

    @Parameters(paramLabel = "NOTEBOOK", arity = "0..*",
            description = "ノートブック名（省略時はすべて、例: 01_midosuji_did） / notebooks to run; all when none is named")
    private List<String> names = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "実行結果の保存先（既定: var/notebooks/out） / where the executed notebooks go")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LakeSettings settings = lake.settings();
        Path project = lake.projectDirectory();
        Path folder = project.resolve("notebooks");
        List<Path> notebooks = chosen(folder);
        LakeSession.requireExists(settings);
        Path workspace = project.resolve(settings.option("lake.notebooks.directory").orElse("var/notebooks"));
        Path output = out != null ? out : workspace.resolve("out");
        OwnerOnlyFiles.createDirectories(output);
        PythonEnvironment environment = new PythonEnvironment(workspace.resolve("venv"),
                project.resolve(settings.option("lake.notebooks.lock-file").orElse("conf/python/notebooks.lock")));
        environment.ensureInstalled(System.out::println);
        Map<String, String> variables = variables(settings, project, workspace, environment);
        System.out.println("ノートブックの読み取り / notebooks read through: " + (variables.containsKey("LAKE_TRINO_PORT")
                ? "Trino（" + variables.get("LAKE_TRINO_USER") + "）" : "Iceberg catalog (PyIceberg)"));
        List<String> failed = new ArrayList<>();
        for (Path notebook : notebooks) {
            String name = notebook.getFileName().toString();
            Path executed = output.resolve(name);
            Path log = output.resolve(name.replace(".ipynb", ".log"));
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(environment.executable("papermill").toString(), "--cwd", folder.toString(),
                    "--kernel", "python3", "--no-progress-bar", notebook.toString(), executed.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(variables);
            DROPPED_VARIABLES.forEach(builder.environment()::remove);
            int status = builder.start().waitFor();
            OwnerOnlyFiles.restrictTree(output);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (status == 0) {
                System.out.printf(Locale.ROOT, "  %-36s 成功 / passed  %5.1f s → %s%n", name, seconds, executed);
            } else {
                failed.add(name);
                System.out.printf(Locale.ROOT, "  %-36s 失敗 / FAILED  %5.1f s: %s (log: %s)%n", name, seconds, lastError(log), log);
            }
        }
        if (!failed.isEmpty()) {
            System.out.println("エラー / error: 失敗したノートブック / failed notebooks: " + String.join(", ", failed));
            return 1;
        }
        return 0;
    }

    private List<Path> chosen(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.filter(file -> file.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        if (names.isEmpty()) {
            return all;
        }
        List<Path> chosen = new ArrayList<>();
        for (String name : names) {
            String file = name.endsWith(".ipynb") ? name : name + ".ipynb";
            chosen.add(all.stream().filter(path -> path.getFileName().toString().equals(file)).findFirst()
                    .orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "no notebook '" + name + "' in " + folder
                            + "; there are: " + String.join(", ", all.stream().map(path -> path.getFileName().toString()
                            .replace(".ipynb", "")).toList()))));
        }
        return chosen;
    }

    /**
     * What the notebooks' {@code lakedata.py} reads: Trino's address and a planner's login when Trino is up, otherwise
     * the catalog; the environment's programs first on the PATH (the kernel is started as {@code python}); Jupyter's,
     * IPython's and matplotlib's working files in the workspace, owner-only, not in the home folder.
     */
    private static Map<String, String> variables(LakeSettings settings, Path project, Path workspace, PythonEnvironment environment) {
        Map<String, String> variables = new HashMap<>();
        Path cache = OwnerOnlyFiles.createDirectories(workspace.resolve("cache"));
        variables.put("PATH", environment.executable("python").getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
        variables.put("JUPYTER_RUNTIME_DIR", cache.resolve("runtime").toString());
        variables.put("JUPYTER_PLATFORM_DIRS", "1");
        variables.put("IPYTHONDIR", cache.resolve("ipython").toString());
        variables.put("MPLCONFIGDIR", cache.resolve("matplotlib").toString());
        variables.put("LAKE_CATALOG_NAME", settings.catalogName());
        TrinoSettings trino = TrinoSettings.from(settings, project);
        SqlServices services = new SqlServices(settings, trino, line -> { });
        if (services.trinoHealthy()) {
            SqlUser planner = services.users().firstOf(Role.PLANNER);
            variables.put("LAKE_TRINO_HOST", "127.0.0.1");
            variables.put("LAKE_TRINO_PORT", Integer.toString(trino.httpsPort()));
            variables.put("LAKE_TRINO_USER", planner.name());
            variables.put("LAKE_TRINO_PASSWORD", planner.password());
            variables.put("LAKE_TRINO_CA", services.configuration().certificate().toString());
            return variables;
        }
        String sqlite = "jdbc:sqlite:";
        if (!settings.catalogUri().startsWith(sqlite)) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "the notebooks read a catalog on a server through Trino only: "
                    + "start it with ./lake services up sql");
        }
        variables.put("LAKE_CATALOG_URI", "sqlite:///" + Path.of(settings.catalogUri().substring(sqlite.length())).toAbsolutePath());
        variables.put("LAKE_WAREHOUSE", settings.warehouse().toString());
        return variables;
    }

    /** The last line of the log that names an error, as Python prints it (e.g. AssertionError: ...). */
    private static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int index = lines.size() - 1; index >= 0; index--) {
                String line = lines.get(index).strip();
                if (line.matches("[A-Za-z_.]*(Error|Exception)\\b.*")) {
                    return line;
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notebook's log " + log, e);
        }
    }
}
