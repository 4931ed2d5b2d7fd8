package org.ebpmlake.anonymize;

/** No usable pseudonym key: the run stops before anything is written. */
public final class MissingPseudonymKeyException extends IllegalStateException {
    public MissingPseudonymKeyException(String message) {
        super(message);
    }
}
