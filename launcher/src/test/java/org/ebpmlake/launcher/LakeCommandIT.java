package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpmlake.lake.LakeExtension;
import org.junit.jupiter.api.Test;

/** {@code ./lake --help}, run as a user runs it, against what README.md promises. */
class LakeCommandIT {
    private static final Pattern README_COMMAND = Pattern.compile("^\\| `\\./lake ([a-z]+)[^`]*` \\|", Pattern.MULTILINE);
    private static final Pattern HELP_COMMAND = Pattern.compile("^  ([a-z]+)\\s{2,}", Pattern.MULTILINE);

    @Test
    void helpListsExactlyTheCommandsReadmeDocuments() throws IOException, InterruptedException {
        Path root = LakeExtension.repositoryRoot();
        String help = lake(root, "--help");
        // A command may have several README rows (bench sql, bench anonymize): compare the distinct names.
        List<String> documented = matches(README_COMMAND, Files.readString(root.resolve("README.md"))).stream().distinct().toList();
        List<String> listed = matches(HELP_COMMAND, help.substring(help.indexOf("Commands:")));

        assertThat(documented).contains("run", "test");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyCommandHasItsOwnHelp() throws IOException, InterruptedException {
        Path root = LakeExtension.repositoryRoot();

        assertThat(lake(root, "run", "--help")).contains("Usage: lake run").contains("raw");
        assertThat(lake(root, "test", "--help")).contains("Usage: lake test").contains("mvn verify");
        assertThat(lake(root, "anonymize", "file", "--help")).contains("Usage: lake anonymize file")
                .contains("--suppression-limit");
        assertThat(lake(root, "bench", "anonymize", "--help")).contains("Usage: lake bench anonymize").contains("--scale");
        assertThat(lake(root, "ingest", "--help")).contains("Usage: lake ingest").contains("DATASET").contains("quarantine");
    }

    private static String lake(Path root, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("lake").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
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
