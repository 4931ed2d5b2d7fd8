package org.ebpmlake.pipelines.raw;

import java.nio.file.Path;

/**
 * Splits a delivery of one format into records. Readers interpret nothing: typing and checking every
 * value against the declaration is {@link RowParser}'s job, the same for every format.
 */
interface DeliveryReader {
    DeliveryRecords read(Path file, String fileName);
}
