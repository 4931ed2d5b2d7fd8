package org.ebpmlake.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lake anonymize}: the de-identification engine for stewards, one subcommand per kind of input. */
@Command(name = "anonymize", mixinStandardHelpOptions = true,
        description = {"匿名加工：準識別子を最適に一般化し、プライバシーモデルを満たすデータと報告を出力します。",
            "De-identify: generalize quasi-identifiers optimally so the output meets the privacy models, with a report."},
        subcommands = {AnonymizeFileCommand.class})
final class AnonymizeCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
