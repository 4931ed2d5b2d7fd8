package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What ingesting one file did. {@code rowsRead == rowsAccepted + rowsQuarantined} always holds, and the file's
 * physical lines add up ({@link LineAccount}): the constructors refuse anything else, so a lost row cannot go
 * unnoticed.
 *
 * @param alreadyIngested the same bytes were ingested before, so nothing was added
 * @param warnings what the steward should know though nothing was refused (extra columns ignored, cells that
 *     looked like spreadsheet formulas stored inert), one line each; the details are in {@code ops.ingest_warnings}
 */
public record IngestionResult(String dataset, String sourceFile, String batchId, String charset, long rowsRead,
        long rowsAccepted, long rowsQuarantined, boolean alreadyIngested, LineAccount lines, List<String> warnings) {

    public IngestionResult {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(batchId, "batchId is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(lines, "lines is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (rowsRead != rowsAccepted + rowsQuarantined) {
            throw new IllegalStateException(sourceFile + ": rows were lost: read " + rowsRead + " but accepted "
                    + rowsAccepted + " and quarantined " + rowsQuarantined);
        }
    }

    /** The result of a file whose bytes were ingested before. */
    static IngestionResult alreadyIngested(String dataset, String sourceFile, String batchId) {
        return new IngestionResult(dataset, sourceFile, batchId, "-", 0, 0, 0, true, LineAccount.NOT_READ, List.of());
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
