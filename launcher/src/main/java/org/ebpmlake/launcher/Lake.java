package org.ebpmlake.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
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
            "設定 / settings: conf/${LAKE_ENV:-local}.properties; LAKE_* environment variables override them."},
        subcommands = {RunCommand.class, IngestCommand.class, KpiCommand.class, SqlCommand.class, ServicesCommand.class, AirflowCommand.class,
            AuditCommand.class, QualityCommand.class, MaintainCommand.class, DashboardsCommand.class, AnonymizeCommand.class, BenchCommand.class,
            TestCommand.class, CommandLine.HelpCommand.class})
public final class Lake implements Runnable {
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
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands, as {@code main} runs it. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The command line reading its settings from the given environment instead of the process's: how tests run
     * commands in-process on a lake of their own, as a steward runs them.
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return new CommandLine(new Lake(environment)).setExecutionExceptionHandler(new CommandFailure())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Path.class, CallerDirectoryPaths.from(environment));
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
