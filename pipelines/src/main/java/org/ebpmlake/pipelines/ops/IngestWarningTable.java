package org.ebpmlake.pipelines.ops;

import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code ops.ingest_warnings}: what a steward should know about a delivery though nothing of it was refused, per
 * batch: extra columns ignored, optional columns missing, cells that looked like spreadsheet formulas and were
 * stored inert. Written with the batch, replaced by a corrected re-delivery, like the quarantine.
 */
public final class IngestWarningTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "ingest_warnings");

    private IngestWarningTable() {
    }
}
