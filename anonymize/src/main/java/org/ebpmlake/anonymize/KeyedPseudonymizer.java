package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces an identifier by HMAC-SHA-256 under the lake's secret key, as lower-case hex. The same identifier
 * gives the same pseudonym in every dataset and run, so de-identified tables still join; without the key the
 * pseudonym can be neither reversed nor recomputed from a guessed identifier.
 *
 * <p>Serializable so Spark can ship it to executors inside a UDF.
 */
public final class KeyedPseudonymizer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private transient Mac mac;

    public KeyedPseudonymizer(PseudonymKey key) {
        this.secret = requireNonNull(key, "key is null").secret();
    }

    public String pseudonym(String identifier) {
        requireNonNull(identifier, "identifier is null");
        byte[] digest = mac().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                Mac created = Mac.getInstance(ALGORITHM);
                created.init(new SecretKeySpec(secret, ALGORITHM));
                mac = created;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("the JDK cannot compute " + ALGORITHM, e);
            }
        }
        return mac;
    }
}
