package org.ebpmlake.sql.audit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * The shared secret between Trino's HTTP event listener and the audit receiver: Trino sends it in a header with
 * every event, and the receiver refuses any event without it, so another local user cannot forge audit events.
 * Generated on first use into a file readable by its owner only.
 */
public record AuditSecret(String value) {
    /** The header Trino's event listener sends the secret in. */
    public static final String HEADER = "X-Lake-Audit-Secret";

    public AuditSecret {
        requireNonNull(value, "value is null");
        if (value.length() < 32) {
            throw new IllegalArgumentException("the audit secret is too short");
        }
    }

    public static AuditSecret readOrCreate(Path file) {
        requireNonNull(file, "file is null");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                OwnerOnlyFiles.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return new AuditSecret(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit secret " + file, e);
        }
    }

    /** Compares in constant time, so the secret cannot be guessed byte by byte from response times. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AuditSecret[****]";
    }
}
