package org.ebpmlake.sql.query;

/** A role read a table it may not read; the message says which tables the role may read. */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
