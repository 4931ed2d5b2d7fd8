package org.ebpmlake.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lake bench ...}: benchmarks that print figures (speed, memory); never part of the tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"ベンチマーク（速度・メモリを表示します。テストではありません）。", "Benchmarks that print speed and memory figures."},
        subcommands = {SqlBenchmarkCommand.class, BenchAnonymizeCommand.class, IngestBenchmark.class, ClusterBenchmark.class})
final class BenchCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
