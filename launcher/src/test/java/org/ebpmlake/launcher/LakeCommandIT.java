package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lake --help}, run as a user runs it, against what README.md promises. */
class LakeCommandIT {
    private static final Pattern README_COMMAND = Pattern.compile("^\\| `\\./lake ([a-z]+)[^`]*` \\|", Pattern.MULTILINE);
    private static final Pattern HELP_COMMAND = Pattern.compile("^  ([a-z]+)\\s{2,}", Pattern.MULTILINE);

    @Test
    void helpListsExactlyTheCommandsReadmeDocuments() throws IOException, InterruptedException {
        Path root = LakeExtension.repositoryRoot();
        String help = lake("--help");
        // A command may have several README rows (bench sql, bench anonymize): compare the distinct names.
        List<String> documented = matches(README_COMMAND, Files.readString(root.resolve("README.md"))).stream().distinct().toList();
        List<String> listed = matches(HELP_COMMAND, help.substring(help.indexOf("Commands:")));

        assertThat(documented).contains("run", "test");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyCommandHasItsOwnHelp() throws IOException, InterruptedException {
        assertThat(lake("run", "--help")).contains("Usage: lake run").contains("raw").contains("--task").contains("--from")
                .contains("--schedule").contains("--wait");
        assertThat(lake("airflow", "trigger", "--help")).contains("Usage: lake airflow trigger").contains("daily");
        assertThat(lake("services", "up", "--help")).contains("airflow");
        assertThat(lake("dashboards", "publish", "--help")).contains("Usage: lake dashboards publish").contains("Superset");
        assertThat(lake("test", "--help")).contains("Usage: lake test").contains("mvn verify");
        assertThat(lake("anonymize", "file", "--help")).contains("Usage: lake anonymize file")
                .contains("--suppression-limit");
        assertThat(lake("bench", "anonymize", "--help")).contains("Usage: lake bench anonymize").contains("--scale");
        assertThat(lake("ingest", "--help")).contains("Usage: lake ingest").contains("DATASET").contains("quarantine");
    }

    @Test
    void aPersonsMistakeGetsOneLineSayingWhatToDoAndANonZeroExit(@TempDir Path empty) throws IOException, InterruptedException {
        Path root = LakeExtension.repositoryRoot();
        Map<String, String> noLake = Map.of("LAKE_WAREHOUSE", empty.resolve("lake").toString());

        Finished kpis = LakeScript.run(noLake, "kpi", "list");
        assertThat(kpis.exitCode()).as(kpis.output()).isEqualTo(2);
        assertThat(kpis.errorLines()).as(kpis.output()).singleElement().asString().contains("./lake run");

        Finished unknownDataset = LakeScript.run(noLake, "ingest", "no_such_dataset", root.resolve("README.md").toString());
        assertThat(unknownDataset.exitCode()).isEqualTo(2);
        assertThat(unknownDataset.errorLines()).as(unknownDataset.output()).singleElement().asString()
                .contains("no_such_dataset").contains("residents").contains("learning_logs").doesNotContain("quarantine");

        Finished unknownRole = LakeScript.run(noLake, "sql", "--as", "mayor", "SELECT 1");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
        assertThat(unknownRole.errorLines()).as(unknownRole.output()).singleElement().asString().contains("mayor").contains("planner");

        Finished unknownTask = LakeScript.run(Map.of("LAKE_WAREHOUSE", empty.resolve("lake").toString(), "LAKE_PSEUDONYM_KEY", LakeScript.KEY),
                "run", "--task", "ingest.mayors");
        assertThat(unknownTask.exitCode()).isEqualTo(2);
        assertThat(unknownTask.errorLines()).as(unknownTask.output()).singleElement().asString().contains("ingest.mayors")
                .contains("ingest.residents").contains("deid.students");
        assertThat(empty.resolve("lake")).doesNotExist();

        Finished evaluateNoLake = LakeScript.run(noLake, "evaluate", "midosuji_footfall");
        assertThat(evaluateNoLake.exitCode()).isEqualTo(2);
        assertThat(evaluateNoLake.errorLines()).as(evaluateNoLake.output()).singleElement().asString().contains("./lake run");
        Finished unknownEvaluation = LakeScript.run(noLake, "evaluate", "midosuji");
        assertThat(unknownEvaluation.exitCode()).isEqualTo(2);
        assertThat(unknownEvaluation.errorLines()).as(unknownEvaluation.output()).singleElement().asString()
                .contains("no evaluation 'midosuji'").contains("midosuji_footfall");
        Finished notebooksNoLake = LakeScript.run(noLake, "notebooks");
        assertThat(notebooksNoLake.exitCode()).isEqualTo(2);
        assertThat(notebooksNoLake.errorLines()).as(notebooksNoLake.output()).singleElement().asString().contains("./lake run");
        Finished unknownNotebook = LakeScript.run(noLake, "notebooks", "04_budget");
        assertThat(unknownNotebook.exitCode()).isEqualTo(2);
        assertThat(unknownNotebook.errorLines()).as(unknownNotebook.output()).singleElement().asString()
                .contains("04_budget").contains("01_midosuji_did");
        assertThat(empty.resolve("lake")).doesNotExist();

        for (Finished finished : List.of(kpis, unknownDataset, unknownRole, unknownTask, evaluateNoLake, unknownEvaluation,
                notebooksNoLake, unknownNotebook)) {
            assertThat(finished.output()).doesNotContain("Exception").doesNotContain("\tat org.");
        }
    }

    @Test
    void debugAddsTheTraceToTheSameLine(@TempDir Path empty) throws IOException, InterruptedException {
        Finished kpis = LakeScript.run(Map.of("LAKE_WAREHOUSE", empty.resolve("lake").toString()),
                "kpi", "list", "--debug");

        assertThat(kpis.exitCode()).isEqualTo(2);
        assertThat(kpis.output()).contains("./lake run").contains("LakeException").contains("\tat org.ebpmlake.");
    }

    @Test
    void testsSayAtTheStartWhenTheJdkTrinoNeedsIsMissing() throws IOException, InterruptedException {
        // The JDK running this test is the lake's Java 17: too old for Trino.
        Finished test = LakeScript.run(Map.of("LAKE_TRINO_JAVA_HOME", System.getProperty("java.home")), "test");

        assertThat(test.exitCode()).isEqualTo(2);
        assertThat(test.errorLines()).singleElement().asString().contains("JDK 24").contains("Temurin 25").contains("LAKE_TRINO_JAVA_HOME");
        assertThat(test.standardOutput()).doesNotContain("[INFO]");
    }

    private static String lake(String... arguments) throws IOException, InterruptedException {
        Finished finished = LakeScript.run(Map.of(), arguments);
        assertThat(finished.exitCode()).as(finished.output()).isZero();
        return finished.output();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!"help".equals(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
