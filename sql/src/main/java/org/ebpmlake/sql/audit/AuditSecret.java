package org.ebpmlake.sql.audit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.ebpmlake.lake.services.GeneratedSecret;

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
        return new AuditSecret(GeneratedSecret.readOrCreate(file, 32));
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
