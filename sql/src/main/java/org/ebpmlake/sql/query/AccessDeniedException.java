package org.ebpmlake.sql.query;

import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/** A role read a table it may not read, or ran what no role may run; the message says what the role may read. */
public final class AccessDeniedException extends LakeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(ErrorCategory.ACCESS_DENIED, message);
    }
}
