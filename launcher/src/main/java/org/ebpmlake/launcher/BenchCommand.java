package org.ebpmlake.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lake bench}: benchmarks that print timings, not tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"性能測定（テストではありません）。", "Benchmarks that print timings (not tests)."},
        subcommands = {BenchAnonymizeCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
