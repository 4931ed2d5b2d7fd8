package org.ebpmlake.pipelines.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * How long a table's superseded snapshots stay reachable by time travel, as declared in the settings:
 * {@code lake.retention.<zone>.<table>-days} for one table, else {@code lake.retention.<zone>-days}. The current
 * snapshot and every tagged snapshot (the KPI report tags) are always kept. For the deid and mart zones the
 * default is zero days: once a newer release is published (and verified), no earlier release, made perhaps under a
 * weaker policy or with other noise, can be read again.
 */
public record SnapshotRetention(Duration superseded) {
    public SnapshotRetention {
        requireNonNull(superseded, "superseded is null");
        if (superseded.isNegative()) {
            throw new IllegalArgumentException("a retention cannot be negative: " + superseded);
        }
    }

    public static SnapshotRetention of(LakeSettings settings, TableName table) {
        requireNonNull(settings, "settings is null");
        requireNonNull(table, "table is null");
        String zone = table.zone().namespace();
        int days = settings.intOption("lake.retention." + zone + "." + table.name() + "-days",
                settings.intOption("lake.retention." + zone + "-days", defaultDays(table.zone())));
        if (days < 0) {
            throw new IllegalArgumentException("lake.retention for " + table + " must be zero or more days, got " + days);
        }
        return new SnapshotRetention(Duration.ofDays(days));
    }

    private static int defaultDays(Zone zone) {
        return switch (zone) {
            case DEID, MART -> 0;
            case RAW, CURATED -> 30;
            case OPS -> 90;
        };
    }
}
