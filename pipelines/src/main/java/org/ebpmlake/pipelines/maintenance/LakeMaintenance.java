package org.ebpmlake.pipelines.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.ZoneTable;

/**
 * Keeps every table of the lake healthy and its history within the declared retention ({@link SnapshotRetention}):
 * expires superseded snapshots (never the current one, never a tagged one), compacts tables whose small files have
 * piled up, and removes orphan files a failed or killed write left behind. Orphans must be older than
 * {@code lake.maintenance.orphan-min-age-hours} (24 by default): a younger file may belong to a commit in flight.
 */
public final class LakeMaintenance {
    /** Above this many data files in the current snapshot, a table's small files are compacted. */
    private static final int COMPACTION_THRESHOLD_FILES = 64;

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;

    public LakeMaintenance(SparkSession spark, LakeSettings settings, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Maintains every declared table, orphan files of every table included ({@code ./lake maintain}). */
    public List<TableMaintenance> maintainAll(DatasetCatalog datasets) {
        return maintain(datasets, Instant.MIN);
    }

    /**
     * Maintains every declared table at the end of a run. Orphan files are looked for only in the tables the run
     * committed to: listing a table's files is a Spark job, and a write killed in an earlier run is redone, and so
     * checked, by the run that recovers from it; {@code ./lake maintain} checks every table.
     */
    public List<TableMaintenance> maintainAfterRun(DatasetCatalog datasets, Instant runStarted) {
        return maintain(datasets, requireNonNull(runStarted, "runStarted is null"));
    }

    private List<TableMaintenance> maintain(DatasetCatalog datasets, Instant orphansInTablesCommittedSince) {
        requireNonNull(datasets, "datasets is null");
        Catalog catalog = LakeSession.icebergCatalog(spark, settings);
        List<TableMaintenance> results = new ArrayList<>();
        for (ZoneTable declared : datasets.tables()) {
            if (catalog.tableExists(declared.name().identifier())) {
                results.add(maintain(catalog.loadTable(declared.name().identifier()), declared.name(), orphansInTablesCommittedSince));
            }
        }
        return List.copyOf(results);
    }

    /** The run log's line for a maintenance pass. */
    public static StageOutput summary(List<TableMaintenance> results) {
        int expired = results.stream().mapToInt(TableMaintenance::snapshotsExpired).sum();
        int compacted = results.stream().mapToInt(TableMaintenance::filesCompacted).sum();
        int orphans = results.stream().mapToInt(TableMaintenance::orphanFilesRemoved).sum();
        return StageOutput.succeeded(results.size(), results.stream().filter(TableMaintenance::changedAnything).count(),
                results.size() + " tables: " + expired + " snapshots expired, " + compacted + " small files compacted, "
                        + orphans + " orphan files removed");
    }

    private TableMaintenance maintain(Table table, TableName name, Instant orphansInTablesCommittedSince) {
        int expired = expireSnapshots(table, SnapshotRetention.of(settings, name));
        int compacted = compact(table);
        Snapshot current = table.currentSnapshot();
        boolean committedSince = current != null
                && !Instant.ofEpochMilli(current.timestampMillis()).isBefore(orphansInTablesCommittedSince);
        int orphans = committedSince || orphansInTablesCommittedSince.equals(Instant.MIN) ? removeOrphans(table) : 0;
        return new TableMaintenance(name.toString(), expired, compacted, orphans);
    }

    private int expireSnapshots(Table table, SnapshotRetention retention) {
        table.refresh();
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return 0;
        }
        Set<Long> kept = new HashSet<>();
        kept.add(current.snapshotId());
        for (SnapshotRef ref : table.refs().values()) {
            kept.add(ref.snapshotId());
        }
        long cutoff = clock.instant().minus(retention.superseded()).toEpochMilli();
        int expiring = 0;
        for (Snapshot snapshot : table.snapshots()) {
            if (!kept.contains(snapshot.snapshotId()) && snapshot.timestampMillis() <= cutoff) {
                expiring++;
            }
        }
        if (expiring == 0) {
            return 0;
        }
        // Tagged snapshots are kept by Iceberg itself (a tag without max-ref-age never expires); retainLast(1)
        // keeps the current one even when it is older than the cutoff.
        table.expireSnapshots().expireOlderThan(cutoff).retainLast(1).cleanExpiredFiles(true).commit();
        return expiring;
    }

    private int compact(Table table) {
        table.refresh();
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return 0;
        }
        long dataFiles = Long.parseLong(current.summary().getOrDefault("total-data-files", "0"));
        if (dataFiles <= COMPACTION_THRESHOLD_FILES) {
            return 0;
        }
        RewriteDataFiles.Result result = SparkActions.get(spark).rewriteDataFiles(table).execute();
        return result.rewrittenDataFilesCount();
    }

    private int removeOrphans(Table table) {
        Duration minimumAge = Duration.ofHours(settings.intOption("lake.maintenance.orphan-min-age-hours", 24));
        Instant olderThan = clock.instant().minus(minimumAge);
        DeleteOrphanFiles.Result result = SparkActions.get(spark).deleteOrphanFiles(table)
                .olderThan(olderThan.toEpochMilli()).execute();
        int removed = 0;
        for (String ignored : result.orphanFileLocations()) {
            removed++;
        }
        return removed;
    }
}
