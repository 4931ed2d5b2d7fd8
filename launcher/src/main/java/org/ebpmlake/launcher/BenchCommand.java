package org.ebpmlake.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lake bench}: benchmarks, not tests; each kind of benchmark is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"ベンチマーク（テストではありません）。/ Benchmarks (not tests)."},
        subcommands = {IngestBenchmark.class})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
