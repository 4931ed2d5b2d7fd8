package org.ebpmlake.pipelines.deid;

/** A de-identified table did not meet the privacy model it claims; it is not published. */
public final class PrivacyModelViolationException extends IllegalStateException {
    public PrivacyModelViolationException(String message) {
        super(message);
    }
}
