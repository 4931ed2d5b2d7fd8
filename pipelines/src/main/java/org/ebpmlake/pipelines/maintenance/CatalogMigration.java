package org.ebpmlake.pipelines.maintenance;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeJdbcCatalog;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.pipelines.run.RunLock;

/**
 * Carries a lake's catalog over to another JDBC catalog (the SQLite file of one machine to the cluster environment's
 * PostgreSQL) without copying or rewriting a single data or metadata file: each table is registered in the target at its
 * current metadata file (Iceberg's {@code registerTable}), so its snapshots, tags (the KPI reports) and properties come
 * along. Done under the run lock, so no run commits meanwhile; then verified table by table (current snapshot, refs and
 * a row count read through each catalog).
 *
 * <p>Running it again brings a target that is behind up to date (a table the source committed to since: its target entry
 * is moved to the source's newer metadata file) and changes nothing when both agree. A target table with commits of its
 * own, which the source never had, is refused rather than overwritten.
 */
public final class CatalogMigration {
    /** One table's move and its check. */
    public record TableMove(TableIdentifier table, Action action, long sourceRows, long targetRows, boolean sameState) {
        public TableMove {
            requireNonNull(table, "table is null");
            requireNonNull(action, "action is null");
        }

        public boolean verified() {
            return sameState && sourceRows == targetRows;
        }
    }

    /** What the migration did to a table of the target. */
    public enum Action {
        REGISTERED("登録 / registered"), UPDATED("更新 / updated"), UNCHANGED("変更なし / unchanged");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final SparkSession spark;
    private final LakeSettings source;
    private final LakeSettings target;
    private final Clock clock;
    private final Progress progress;

    /**
     * @param source the lake as its settings mount it now
     * @param targetUri the JDBC URL of the catalog to carry it to
     * @param targetUser the user it is reached as (its password is {@code LAKE_CATALOG_PASSWORD})
     */
    public CatalogMigration(SparkSession spark, LakeSettings source, String targetUri, String targetUser, Clock clock, Progress progress) {
        this.spark = requireNonNull(spark, "spark is null");
        this.source = requireNonNull(source, "source is null");
        requireValidTarget(source, targetUri);
        requireNonNull(targetUser, "targetUser is null");
        this.target = new LakeSettings(source.environment(), source.warehouse(), source.catalogName(), targetUri, source.sparkMaster(),
                source.siteDirectory(), source.sourcesDirectory(), source.options()).withOption("lake.catalog.user", targetUser);
        this.clock = requireNonNull(clock, "clock is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** Refuses, before anything is opened, a target that is no JDBC URL or is the lake's own catalog. */
    public static void requireValidTarget(LakeSettings source, String targetUri) {
        requireNonNull(source, "source is null");
        requireNonNull(targetUri, "targetUri is null");
        if (!targetUri.startsWith("jdbc:")) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--to は JDBC URL です / --to takes a JDBC URL, e.g."
                    + " jdbc:postgresql://127.0.0.1:15432/lake, not '" + targetUri + "'");
        }
        if (targetUri.equals(source.catalogUri())) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "移行先が移行元と同じです / the target is the lake's own catalog: " + targetUri);
        }
    }

    public List<TableMove> migrate(String runId, Duration lockWait) {
        requireNonNull(runId, "runId is null");
        requireNonNull(lockWait, "lockWait is null");
        Catalog from = LakeSession.icebergCatalog(spark, source);
        try (JdbcCatalog to = targetCatalog()) {
            Map<TableIdentifier, Action> actions = new HashMap<>();
            try (RunLock lock = RunLock.acquire(spark, source, runId, lockWait, clock, progress)) {
                copyNamespaces((SupportsNamespaces) from, to);
                for (TableIdentifier table : tables((SupportsNamespaces) from, from)) {
                    actions.put(table, carry(from, to, table));
                }
            }
            // Releasing the lock committed to its own tables; carry those commits too, so the target's lock is free.
            for (TableIdentifier table : tables((SupportsNamespaces) from, from)) {
                Action again = carry(from, to, table);
                actions.merge(table, again, (first, second) -> first == Action.UNCHANGED ? second : first);
            }
            return verify(from, to, actions);
        }
    }

    private JdbcCatalog targetCatalog() {
        try {
            return LakeJdbcCatalog.open(target.catalogName(), target.catalogUri(), target.warehouse(), target.option("lake.catalog.user"),
                    Optional.ofNullable(System.getenv("LAKE_CATALOG_PASSWORD")));
        } catch (RuntimeException e) {
            throw new LakeException(ErrorCategory.CATALOG_UNAVAILABLE, "移行先のカタログに接続できません / cannot open the target catalog "
                    + target.catalogUri() + " (password from LAKE_CATALOG_PASSWORD): " + rootMessage(e), e);
        }
    }

    private static void copyNamespaces(SupportsNamespaces from, SupportsNamespaces to) {
        for (Namespace namespace : from.listNamespaces()) {
            if (!to.namespaceExists(namespace)) {
                to.createNamespace(namespace, from.loadNamespaceMetadata(namespace));
            }
        }
    }

    private static List<TableIdentifier> tables(SupportsNamespaces namespaces, Catalog catalog) {
        List<TableIdentifier> tables = new ArrayList<>();
        for (Namespace namespace : namespaces.listNamespaces()) {
            tables.addAll(catalog.listTables(namespace));
        }
        tables.sort(Comparator.comparing(TableIdentifier::toString));
        return tables;
    }

    private Action carry(Catalog from, Catalog to, TableIdentifier table) {
        TableMetadata current = metadata(from.loadTable(table));
        if (!to.tableExists(table)) {
            to.registerTable(table, current.metadataFileLocation());
            return Action.REGISTERED;
        }
        String there = metadata(to.loadTable(table)).metadataFileLocation();
        if (there.equals(current.metadataFileLocation())) {
            return Action.UNCHANGED;
        }
        boolean behind = current.previousFiles().stream().anyMatch(entry -> entry.file().equals(there));
        if (!behind) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, table + " は移行先で別の更新を受けています / " + table
                    + " has commits in the target catalog that the source never had (" + there + "); it is not overwritten."
                    + " Keep writing through the target, or drop the table there to carry the source's over again");
        }
        // Behind the source: point the target at the newer metadata file (its entry only; no file is touched).
        to.dropTable(table, false);
        to.registerTable(table, current.metadataFileLocation());
        return Action.UPDATED;
    }

    private List<TableMove> verify(Catalog from, Catalog to, Map<TableIdentifier, Action> actions) {
        SparkSession targetSession = spark.newSession();
        LakeSession.mount(targetSession, target);
        List<TableMove> moves = new ArrayList<>();
        for (TableIdentifier table : tables((SupportsNamespaces) from, from)) {
            Table sourceTable = from.loadTable(table);
            Table targetTable = to.loadTable(table);
            boolean sameState = snapshotId(sourceTable).equals(snapshotId(targetTable)) && sourceTable.refs().equals(targetTable.refs())
                    && sourceTable.properties().equals(targetTable.properties());
            String name = source.catalogName() + "." + table;
            long sourceRows = spark.table(name).count();
            long targetRows = targetSession.table(name).count();
            moves.add(new TableMove(table, actions.getOrDefault(table, Action.UNCHANGED), sourceRows, targetRows, sameState));
        }
        return moves;
    }

    private static Optional<Long> snapshotId(Table table) {
        return Optional.ofNullable(table.currentSnapshot()).map(Snapshot::snapshotId);
    }

    private static TableMetadata metadata(Table table) {
        return ((HasTableOperations) table).operations().current();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
