package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code ops.batches}: a delivered batch as it stood after one event. The row of a batch with the
 * highest sequence is its current state.
 *
 * @param reason why: the gate's verdict or the steward's reason (counts only, never a personal value)
 * @param decidedBy the OS user who ran the command that recorded it
 */
public record BatchRecord(String dataset, String batchId, long sequence, String sourceFile, Instant deliveredAt,
        long rowsRead, long rowsAccepted, long rowsQuarantined, BatchStatus status, String reason, String decidedBy,
        Instant decidedAt, Optional<String> runId, Optional<String> supersededBy) {

    public BatchRecord {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(batchId, "batchId is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(deliveredAt, "deliveredAt is null");
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalArgumentException("batch " + batchId + ": rows read " + rowsRead + " is not accepted "
                    + rowsAccepted + " + quarantined " + rowsQuarantined);
        }
        requireNonNull(status, "status is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(decidedBy, "decidedBy is null");
        requireNonNull(decidedAt, "decidedAt is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(supersededBy, "supersededBy is null");
    }

    /** The batch after an event: a new status, why, who and when; the sequence is assigned when it is recorded. */
    public BatchRecord next(BatchStatus newStatus, String newReason, String who, Instant when, Optional<String> inRun,
            Optional<String> replacement) {
        return new BatchRecord(dataset, batchId, 0, sourceFile, deliveredAt, rowsRead, rowsAccepted, rowsQuarantined,
                newStatus, newReason, who, when, inRun, replacement);
    }

    BatchRecord withSequence(long newSequence) {
        return new BatchRecord(dataset, batchId, newSequence, sourceFile, deliveredAt, rowsRead, rowsAccepted,
                rowsQuarantined, status, reason, decidedBy, decidedAt, runId, supersededBy);
    }

    /** One line for a person: the batch, its file and rows. */
    public String describe() {
        return String.format("%s (%s, %s, read %,d = accepted %,d + quarantined %,d): %s", batchId, sourceFile,
                deliveredAt, rowsRead, rowsAccepted, rowsQuarantined, status.code());
    }
}
