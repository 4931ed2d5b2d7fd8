package org.ebpmlake.pipelines.maintenance;

import static java.util.Objects.requireNonNull;

/**
 * What maintenance did to one table.
 *
 * @param snapshotsExpired superseded snapshots removed (time travel can no longer reach them)
 * @param filesCompacted small data files rewritten into larger ones
 * @param orphanFilesRemoved files of the table's folder no snapshot referenced (left by a failed or killed write)
 */
public record TableMaintenance(String table, int snapshotsExpired, int filesCompacted, int orphanFilesRemoved) {
    public TableMaintenance {
        requireNonNull(table, "table is null");
        if (snapshotsExpired < 0 || filesCompacted < 0 || orphanFilesRemoved < 0) {
            throw new IllegalArgumentException("maintenance counts cannot be negative");
        }
    }

    public boolean changedAnything() {
        return snapshotsExpired + filesCompacted + orphanFilesRemoved > 0;
    }
}
