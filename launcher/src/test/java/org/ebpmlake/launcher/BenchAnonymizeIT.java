package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code lake bench anonymize} at its small scale: it runs, verifies its output and prints its figures. */
class BenchAnonymizeIT {
    @Test
    void printsSearchTimeWallTimePeakMemoryAndNodesCheckedForAVerifiedRelease() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = Lake.commandLine().execute("bench", "anonymize", "--scale", "small");
        } finally {
            System.setOut(standardOutput);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("records                  100,000").contains("search ").contains("wall time")
                .contains("peak heap").contains("nodes checked").contains("independent verification").contains("passed");
    }
}
