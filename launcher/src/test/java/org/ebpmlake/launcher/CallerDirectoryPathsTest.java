package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerDirectoryPathsTest {
    @Test
    void aRelativePathIsReadFromTheFolderTheCommandWasTypedIn(@TempDir Path typedIn) {
        CallerDirectoryPaths paths = new CallerDirectoryPaths(Optional.of(typedIn));

        assertThat(paths.convert("deliveries/residents.csv")).isEqualTo(typedIn.resolve("deliveries/residents.csv"));
        assertThat(paths.convert("../residents.csv")).isEqualTo(typedIn.getParent().resolve("residents.csv"));
        assertThat(paths.convert("/srv/inbox/residents.csv")).isEqualTo(Path.of("/srv/inbox/residents.csv"));
    }

    @Test
    void withoutTheScriptsVariableAPathStaysAsTyped() {
        CallerDirectoryPaths paths = CallerDirectoryPaths.from(Map.of());

        assertThat(paths.convert("residents.csv")).isEqualTo(Path.of("residents.csv"));
    }

    @Test
    void aCommandRunFromAnotherFolderReadsAndWritesTheFilesThere(@TempDir Path typedIn) throws IOException {
        Files.writeString(typedIn.resolve("people.csv"), "age;sex\n" + "34;女\n".repeat(3) + "35;男\n".repeat(3),
                StandardCharsets.UTF_8);
        Files.writeString(typedIn.resolve("age.csv"), "34;30-39;*\n35;30-39;*\n", StandardCharsets.UTF_8);
        Files.writeString(typedIn.resolve("sex.csv"), "女;*\n男;*\n", StandardCharsets.UTF_8);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(CallerDirectoryPaths.VARIABLE, typedIn.toString());

        String[] args = {"anonymize", "file", "people.csv", "--qi", "age=age.csv", "--qi", "sex=sex.csv", "--k", "3",
            "--suppression-limit", "0", "--out", "out.csv", "--report", "report.json"};

        // As main runs it: the command line made for these arguments.
        int exitCode = Lake.commandLineFor(environment, args).execute(args);

        assertThat(exitCode).isZero();
        assertThat(Files.readAllLines(typedIn.resolve("out.csv"), StandardCharsets.UTF_8)).hasSize(7);
        assertThat(typedIn.resolve("report.json")).exists();
    }
}
