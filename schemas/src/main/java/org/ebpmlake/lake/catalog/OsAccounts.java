package org.ebpmlake.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/** The host's accounts as {@code /etc/passwd} lists them: whether this process is root, and an account's home. */
public final class OsAccounts {
    private final Path passwd;

    public OsAccounts(Path passwd) {
        this.passwd = requireNonNull(passwd, "passwd is null");
    }

    public static OsAccounts host() {
        return new OsAccounts(Path.of("/etc/passwd"));
    }

    public static boolean runningAsRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** The home folder of {@code account}; a clear error when there is no such account. */
    public Path home(String account) {
        requireNonNull(account, "account is null");
        try {
            List<String> lines = Files.readAllLines(passwd);
            for (String line : lines) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 6 && fields[0].equals(account)) {
                    return Path.of(fields[5]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + passwd, e);
        }
        throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "アカウント " + account + " がありません / there is no account '"
                + account + "' to run PostgreSQL as (it refuses to run as root): install Debian's postgresql package, which makes it,"
                + " or set lake.postgres.os-user");
    }
}
