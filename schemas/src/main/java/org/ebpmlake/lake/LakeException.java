package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

/**
 * A failure a person can act on: its message is one line, in Japanese and English, saying what is wrong and what
 * to do (e.g. {@code "レイクがまだありません。先に ./lake run を実行してください / no lake yet: run ./lake run first"}).
 * The launcher prints exactly that line and exits non-zero; {@code --debug} adds the trace.
 */
public class LakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;

    public LakeException(ErrorCategory category, String message) {
        super(requireNonNull(message, "message is null"));
        this.category = requireNonNull(category, "category is null");
    }

    public LakeException(ErrorCategory category, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.category = requireNonNull(category, "category is null");
    }

    public ErrorCategory category() {
        return category;
    }
}
