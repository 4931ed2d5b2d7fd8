package org.ebpmlake.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lake test}: every test, unit and integration, through Maven. The {@code ./lake} script runs the
 * same Maven command itself, so the tests need no prior build of the launcher.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"全テスト（単体テストと結合テスト）を実行します（mvn verify）。",
            "Run all tests, unit and integration (mvn verify)."})
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Parameters(arity = "0..*", paramLabel = "MAVEN_ARGS", description = "Maven に渡す追加の引数 / extra arguments for Maven")
    private List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "verify"));
        command.addAll(mavenArguments);
        Process maven = new ProcessBuilder(command).directory(lake.projectDirectory().toFile()).inheritIO().start();
        return maven.waitFor();
    }
}
