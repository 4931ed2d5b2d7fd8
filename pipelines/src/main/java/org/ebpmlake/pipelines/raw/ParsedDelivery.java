package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A delivered file read against its declaration: the accepted rows (values in declared column order,
 * each with its line) and the rejected ones. Every data row read is in exactly one of the two lists.
 */
record ParsedDelivery(List<AcceptedRow> accepted, List<RejectedRow> rejected, long rowsRead) {
    ParsedDelivery {
        accepted = List.copyOf(requireNonNull(accepted, "accepted is null"));
        rejected = List.copyOf(requireNonNull(rejected, "rejected is null"));
        if (accepted.size() + rejected.size() != rowsRead) {
            throw new IllegalStateException("rows were lost: read " + rowsRead + ", accepted " + accepted.size()
                    + ", rejected " + rejected.size());
        }
    }

    /** One accepted row; values may be null where an optional field was empty. */
    record AcceptedRow(long line, Object[] values) {
    }
}
