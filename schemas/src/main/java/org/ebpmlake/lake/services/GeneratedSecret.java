package org.ebpmlake.lake.services;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * A secret the platform generates for itself on first use (a service's signing key, an administrator's password, the
 * audit receiver's shared secret) and keeps in a file under {@code var/secrets} readable by its owner only, never in
 * the repository. Every service reads its secrets through this class, so all are made and kept the same way.
 */
public final class GeneratedSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecret() {
    }

    /** The secret in {@code file}, generated there (mode 600, {@code bytes} random bytes, URL-safe Base64) if missing. */
    public static String readOrCreate(Path file, int bytes) {
        requireNonNull(file, "file is null");
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFiles.writeString(file, random(bytes) + "\n");
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException("the secret file " + file + " is empty: delete it to have a new secret generated");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding, for secrets kept in a format of their own. */
    public static String random(int bytes) {
        if (bytes < 16) {
            throw new IllegalArgumentException("a generated secret has at least 16 random bytes, not " + bytes);
        }
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
