package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The secret behind keyed pseudonyms. It is read from the environment only ({@value #VARIABLE}), never from
 * a file in the repository, and is never printed.
 */
public final class PseudonymKey {
    public static final String VARIABLE = "LAKE_PSEUDONYM_KEY";
    /** 32 characters give at least 128 bits even for a hex or base64 key. */
    static final int MINIMUM_LENGTH = 32;

    private final byte[] secret;

    private PseudonymKey(byte[] secret) {
        this.secret = secret.clone();
    }

    public static PseudonymKey fromEnvironment(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            throw new MissingPseudonymKeyException(VARIABLE + " is not set: pseudonyms need a secret key of at least "
                    + MINIMUM_LENGTH + " characters from the environment (./lake creates one under var/secrets for the"
                    + " local environment); nothing was written");
        }
        return of(value);
    }

    public static PseudonymKey of(String value) {
        requireNonNull(value, "value is null");
        if (value.strip().length() < MINIMUM_LENGTH) {
            throw new MissingPseudonymKeyException(VARIABLE + " is too short: at least " + MINIMUM_LENGTH
                    + " characters are needed; nothing was written");
        }
        return new PseudonymKey(value.strip().getBytes(StandardCharsets.UTF_8));
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "PseudonymKey[redacted]";
    }
}
