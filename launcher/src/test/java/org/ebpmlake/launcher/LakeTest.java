package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LakeTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("LAKE_HOME", "/nonexistent-lake");

    @Test
    void aCommandLineNamingASubcommandGetsThatSubcommandAlone() {
        assertThat(Lake.subcommandsFor("anonymize", "file", "people.csv")).containsExactly(AnonymizeCommand.class);
        assertThat(Lake.subcommandsFor("--debug", "run", "--task", "ingest")).containsExactly(RunCommand.class);
        assertThat(Lake.subcommandsFor("quality", "waive", "batch-1")).containsExactly(QualityCommand.class);
    }

    @Test
    void everySubcommandWhenNoneIsNamed() {
        int all = Lake.commandLine(ENVIRONMENT).getSubcommands().size();

        assertThat(Lake.subcommandsFor()).hasSize(all);
        assertThat(Lake.subcommandsFor("--help")).hasSize(Lake.subcommandsFor().size());
        assertThat(Lake.subcommandsFor("help", "anonymize")).hasSize(Lake.subcommandsFor().size());
        assertThat(Lake.subcommandsFor("anonymise", "file")).hasSize(Lake.subcommandsFor().size());
    }

    @Test
    void aSubcommandAloneHelpsAndParsesAsAmongAllTheOthers() {
        for (String[] path : List.of(new String[] {"anonymize", "file"}, new String[] {"quality", "waive"},
                new String[] {"run"}, new String[] {"bench", "anonymize"})) {
            CommandLine alone = Lake.commandLineFor(ENVIRONMENT, path);
            CommandLine amongAll = Lake.commandLine(ENVIRONMENT);
            for (String name : path) {
                alone = alone.getSubcommands().get(name);
                amongAll = amongAll.getSubcommands().get(name);
            }
            assertThat(alone.getUsageMessage()).isEqualTo(amongAll.getUsageMessage()).contains("--debug");
            assertThat(alone.getExecutionExceptionHandler()).isInstanceOf(CommandFailure.class);
        }
    }

    @Test
    void aMistypedSubcommandIsAnsweredWithTheNamesTheLakeKnows() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Lake.commandLineFor(ENVIRONMENT, "anonymise", "file");
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("anonymise", "file");

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("anonymize");
    }
}
