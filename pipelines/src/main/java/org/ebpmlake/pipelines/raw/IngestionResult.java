package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

/**
 * What ingesting one file did. {@code rowsRead == rowsAccepted + rowsQuarantined} always holds: the
 * constructor refuses anything else, so a lost row cannot go unnoticed.
 *
 * @param alreadyIngested the same bytes were ingested before, so nothing was added
 */
public record IngestionResult(String dataset, String sourceFile, String batchId, String charset, long rowsRead,
        long rowsAccepted, long rowsQuarantined, boolean alreadyIngested) {

    public IngestionResult {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(batchId, "batchId is null");
        requireNonNull(charset, "charset is null");
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalStateException(sourceFile + ": rows were lost: read " + rowsRead + " but accepted "
                    + rowsAccepted + " and quarantined " + rowsQuarantined);
        }
    }

    /** The per-file conservation line printed for stewards. */
    public String conservation() {
        if (alreadyIngested) {
            return sourceFile + ": already ingested (batch " + batchId + "), nothing added";
        }
        return String.format("%s (%s): read %,d = accepted %,d + quarantined %,d", sourceFile, charset, rowsRead,
                rowsAccepted, rowsQuarantined);
    }
}
