package org.ebpmlake.pipelines.evaluation;

import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The data do not yet allow the estimate: too few treated or comparison units with published values, no period on
 * one side of the intervention, or periods and groups that cannot be told apart. Not a fault: a fresh lake, or a small
 * sample whose cells are suppressed, is in this state until more data arrive.
 */
public final class NotEstimableException extends LakeException {
    private static final long serialVersionUID = 1L;

    public NotEstimableException(String reason) {
        super(ErrorCategory.INVALID_ARGUMENT, "cannot estimate a difference-in-differences: " + reason);
    }
}
