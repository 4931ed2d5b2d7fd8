package org.ebpmlake.sql.access;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * The users of the SQL services, read from a file outside the repository: one {@code name:role:department:password}
 * per line, {@code #} for comments. For the local environment a file with one user per role and random
 * passwords is created on first use, readable by its owner only.
 */
public final class SqlUsers {
    private final List<SqlUser> users;

    private SqlUsers(List<SqlUser> users) {
        this.users = List.copyOf(users);
    }

    public static SqlUsers read(Path file) {
        requireNonNull(file, "file is null");
        List<SqlUser> users = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SQL users file " + file, e);
        }
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", 4);
            if (fields.length != 4) {
                throw new IllegalArgumentException(file + " line " + (index + 1) + ": expected name:role:department:password");
            }
            try {
                users.add(new SqlUser(fields[0], Role.fromCode(fields[1]), fields[2], fields[3]));
            } catch (IllegalArgumentException | LakeException e) {
                throw new LakeException(ErrorCategory.INVALID_FILE, file + " line " + (index + 1) + ": " + e.getMessage(), e);
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + ": no SQL user is defined");
        }
        return new SqlUsers(users);
    }

    /** Reads the file, creating it first with one user per role where it does not exist yet. */
    public static SqlUsers readOrCreateLocal(Path file) {
        requireNonNull(file, "file is null");
        if (!Files.exists(file)) {
            createLocal(file);
        }
        return read(file);
    }

    public List<SqlUser> all() {
        return users;
    }

    public Optional<SqlUser> byName(String name) {
        return users.stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** The first user of a role, as {@code lake sql --as ROLE} logs in. */
    public SqlUser firstOf(Role role) {
        return users.stream().filter(user -> user.role() == role).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SQL user has the role " + role.code()));
    }

    private static void createLocal(Path file) {
        SecureRandom random = new SecureRandom();
        StringBuilder content = new StringBuilder("# name:role:department:password (local environment, generated)\n");
        String[][] defaults = {
            {"planner", "planner", "政策企画室"},
            {"school_board", "school_board", "教育委員会事務局"},
            {"dx_office", "dx_office", "デジタル統括室"},
            {"steward", "steward", "デジタル統括室"}};
        for (String[] user : defaults) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            content.append(user[0]).append(':').append(user[1]).append(':').append(user[2]).append(':').append(password).append('\n');
        }
        OwnerOnlyFiles.writeString(file, content.toString());
    }
}
