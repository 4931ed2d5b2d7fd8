package org.ebpmlake.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code lake} command behind {@code ./lake}: one subcommand per job of the platform. */
@Command(name = "lake", mixinStandardHelpOptions = true, version = "ebpm-lake 0.1.0",
        description = {"ebpm-lake：EBPM（証拠に基づく政策立案）のためのデータレイク。",
            "ebpm-lake: the data lake for evidence-based policy making.",
            "",
            "設定 / settings: conf/${LAKE_ENV:-local}.properties; LAKE_* environment variables override them."})
public final class Lake implements Runnable {
    /** Added by {@link #commandLine(Map, List)}: every one, or only the one a command line names. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, IngestCommand.class, KpiCommand.class,
            SqlCommand.class, ServicesCommand.class, AirflowCommand.class, AuditCommand.class, QualityCommand.class,
            MaintainCommand.class, CatalogCommand.class, DashboardsCommand.class, EvaluateCommand.class, NotebooksCommand.class, AnonymizeCommand.class, BenchCommand.class,
            TestCommand.class, PackageCommand.class, CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    // Inherited by every subcommand; read by CommandFailure from the parse result, so the field only documents it.
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "失敗時にスタックトレースも表示 / on failure, print the stack trace too")
    private boolean debug;

    private final Map<String, String> environment;

    public Lake() {
        this(System.getenv());
    }

    private Lake(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLineFor(System.getenv(), args).execute(args));
    }

    /** The command line with all its subcommands. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The command line reading its settings from the given environment instead of the process's: how tests run
     * commands in-process on a lake of their own, as a steward runs them.
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, SUBCOMMANDS);
    }

    /** The command line {@code main} runs for these arguments: with {@link #subcommandsFor} their subcommand. */
    static CommandLine commandLineFor(Map<String, String> environment, String... args) {
        return commandLine(environment, subcommandsFor(args));
    }

    private static CommandLine commandLine(Map<String, String> environment, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new Lake(environment));
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        // Set after the subcommands are added, so that they apply to every one of them.
        return commandLine.setExecutionExceptionHandler(new CommandFailure())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Path.class, CallerDirectoryPaths.from(environment));
    }

    /**
     * The subcommand the arguments name, alone: picocli builds the model of every option of every subcommand it is
     * given, which takes a quarter of a second on a cold JVM, paid by every command a steward or Airflow starts. Every
     * subcommand when the arguments name none of them (the overview, {@code help}, a mistyped name, which picocli
     * answers with the names it knows).
     */
    static List<Class<?>> subcommandsFor(String... args) {
        Optional<String> firstWord = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
        if (firstWord.isEmpty()) {
            return SUBCOMMANDS;
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (subcommand != CommandLine.HelpCommand.class && (command.name().equals(firstWord.get())
                    || Arrays.asList(command.aliases()).contains(firstWord.get()))) {
                return List.of(subcommand);
            }
        }
        return SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    Path projectDirectory() {
        String home = environment.get("LAKE_HOME");
        if (home != null) {
            return Paths.get(home);
        }
        return Paths.get("").toAbsolutePath();
    }

    LakeSettings settings() {
        return new LakeSettingsLoader(projectDirectory(), environment).load();
    }

    Map<String, String> environment() {
        return environment;
    }
}
