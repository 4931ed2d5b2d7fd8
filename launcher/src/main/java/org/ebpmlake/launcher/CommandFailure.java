package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one line for a person: what went wrong and what to do, never a stack trace unless
 * {@code --debug} was given. A {@link LakeException} is printed as it is; any other exception is a fault of the
 * platform and says how to see its trace. Exit status 2 for a mistake the person can fix, 3 for a run that finished
 * but kept something back (a batch the quality gate blocked, a delivery rejected whole), 1 otherwise.
 */
final class CommandFailure implements IExecutionExceptionHandler {
    static final int PERSON_CAN_FIX = 2;
    static final int PLATFORM_FAULT = 1;
    static final int HELD_BACK = 3;

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        requireNonNull(exception, "exception is null");
        PrintWriter err = commandLine.getErr();
        boolean debug = debugRequested(parseResult);
        LakeException failure = asLakeException(exception);
        boolean heldBack = failure.category() == ErrorCategory.QUALITY_GATE_BLOCKED;
        String hint = debug || heldBack || failure.category().personCanFix() ? "" : "（--debug で詳細 / run with --debug for the trace）";
        err.println("エラー / error: " + firstLine(failure.getMessage()) + hint);
        if (debug) {
            exception.printStackTrace(err);
        }
        err.flush();
        if (heldBack) {
            return HELD_BACK;
        }
        return failure.category().personCanFix() ? PERSON_CAN_FIX : PLATFORM_FAULT;
    }

    /** The failure as the person should read it: a LakeException anywhere in the causes wins over its wrappers. */
    static LakeException asLakeException(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof LakeException lake) {
                return lake;
            }
            if (cause instanceof NoSuchFileException missing) {
                return new LakeException(ErrorCategory.INVALID_FILE,
                        "ファイルがありません / no such file: " + missing.getFile(), exception);
            }
        }
        if (exception instanceof IllegalArgumentException || exception instanceof UncheckedIOException) {
            return new LakeException(ErrorCategory.INVALID_ARGUMENT, String.valueOf(exception.getMessage()), exception);
        }
        return new LakeException(ErrorCategory.INTERNAL,
                exception.getClass().getSimpleName() + ": " + exception.getMessage(), exception);
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
