package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Keeps two runs off the same lake. The holder is recorded in the properties of {@code ops.run_lock} (who, on which
 * host and process, for which run, since when, last seen when), and taking or giving it up is one atomic catalog
 * commit against the metadata just read: if another run committed in between, the commit fails and the lock is read
 * again. So two runs can never both hold it, on one machine or on several sharing a catalog database.
 *
 * <p>A holder that died leaves its lock behind; the next run breaks it as stale when the holder's process is gone
 * (same host) or, for a holder on another host (a catalog database shared by several machines), it has not been seen
 * for {@code lake.run-lock.stale-after-seconds} (a live holder renews the lock four times as often). Every holding
 * period ends as a row of {@code ops.run_lock}.
 */
public final class RunLock implements AutoCloseable {
    public static final TableName TABLE = new TableName(Zone.OPS, "run_lock");
    static final String HOLDER = "ebpm.run-lock.holder";
    static final String HOST = "ebpm.run-lock.host";
    static final String PID = "ebpm.run-lock.pid";
    static final String RUN_ID = "ebpm.run-lock.run-id";
    static final String SINCE = "ebpm.run-lock.since";
    static final String SEEN = "ebpm.run-lock.seen";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Table table;
    private final Clock clock;
    private final Holder self;
    private final ScheduledExecutorService renewal;
    private final AtomicBoolean lost = new AtomicBoolean();
    private boolean released;

    private RunLock(SparkSession spark, LakeSettings settings, Table table, Clock clock, Holder self, Duration renewEvery) {
        this.spark = spark;
        this.settings = settings;
        this.table = table;
        this.clock = clock;
        this.self = self;
        this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        // A SQLite catalog is one machine's, where the holder's process tells whether it lives; renewing would only add a
        // second writer beside the run's own commits, which SQLite may refuse at once rather than queue.
        if (!settings.catalogUri().startsWith("jdbc:sqlite:")) {
            long millis = Math.max(1000, renewEvery.toMillis());
            renewal.scheduleWithFixedDelay(this::renew, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Who holds (or held) the lake: user, host and process, the run, and when it took and last renewed the lock. */
    public record Holder(String name, String host, long pid, String runId, Instant since, Instant seen) {
        public Holder {
            requireNonNull(name, "name is null");
            requireNonNull(host, "host is null");
            requireNonNull(runId, "runId is null");
            requireNonNull(since, "since is null");
            requireNonNull(seen, "seen is null");
        }

        /** The holder as a person reads it, e.g. {@code root@host pid 1234 (run run-2025…) since 2025-03-31T02:00:00Z}. */
        public String describe() {
            return name + " (run " + runId + ") since " + since;
        }

        Map<String, String> properties() {
            return Map.of(HOLDER, name, HOST, host, PID, Long.toString(pid), RUN_ID, runId, SINCE, since.toString(),
                    SEEN, seen.toString());
        }

        static Optional<Holder> of(Map<String, String> properties) {
            if (!properties.containsKey(HOLDER)) {
                return Optional.empty();
            }
            return Optional.of(new Holder(properties.get(HOLDER), properties.getOrDefault(HOST, "?"),
                    Long.parseLong(properties.getOrDefault(PID, "-1")), properties.getOrDefault(RUN_ID, "?"),
                    Instant.parse(properties.get(SINCE)), Instant.parse(properties.getOrDefault(SEEN, properties.get(SINCE)))));
        }

        /**
         * The stale-lock rule: on this host, the holder's process is gone; on another host (a catalog on a server shared by
         * several machines), it has not renewed the lock for {@code staleAfter}.
         */
        boolean stale(String thisHost, Instant now, Duration staleAfter) {
            if (host.equals(thisHost)) {
                return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
            }
            return seen.plus(staleAfter).isBefore(now);
        }
    }

    /**
     * Takes the lake for {@code runId}, waiting up to {@code wait} for another holder to let go (zero: refuse at once).
     * A holder found stale is replaced, and its period recorded as ended so.
     *
     * @throws LakeException {@link ErrorCategory#LAKE_BUSY} naming the holder, when it does not let go in time
     */
    public static RunLock acquire(SparkSession spark, LakeSettings settings, String runId, Duration wait, Clock clock,
            Progress progress) {
        requireNonNull(spark, "spark is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(wait, "wait is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(progress, "progress is null");
        Duration staleAfter = Duration.ofSeconds(settings.intOption("lake.run-lock.stale-after-seconds", 300));
        Table table = lockTable(spark, settings);
        String host = hostName();
        Instant deadline = clock.instant().plus(wait);
        boolean reportedWaiting = false;
        while (true) {
            TableOperations operations = ((HasTableOperations) table).operations();
            TableMetadata base = operations.refresh();
            Optional<Holder> current = Holder.of(base.properties());
            Instant now = clock.instant();
            if (current.isPresent() && !current.get().stale(host, now, staleAfter)) {
                if (!now.isBefore(deadline)) {
                    throw new LakeException(ErrorCategory.LAKE_BUSY, "レイクは別の実行が使用中です：" + current.get().describe()
                            + "。終わるまで待つか、--wait で待ち時間を指定してください / the lake is busy: held by "
                            + current.get().describe() + "; wait for it to finish, or give --wait <seconds>");
                }
                if (!reportedWaiting) {
                    progress.report("レイクの解放を待っています / waiting for the lake, held by " + current.get().describe());
                    reportedWaiting = true;
                }
                sleep(POLL);
                continue;
            }
            Holder self = new Holder(System.getProperty("user.name", "?") + "@" + host + " pid " + ProcessHandle.current().pid(),
                    host, ProcessHandle.current().pid(), runId, now, now);
            Map<String, String> properties = new HashMap<>(base.properties());
            properties.putAll(self.properties());
            // Renewals rewrite the metadata file; keep only a few old ones.
            properties.put("write.metadata.delete-after-commit.enabled", "true");
            properties.put("write.metadata.previous-versions-max", "10");
            try {
                operations.commit(base, base.replaceProperties(properties));
            } catch (CommitFailedException | CommitStateUnknownException | UncheckedSQLException raced) {
                // Another run committed first (SQLite may say so as "busy"): read the lock again.
                continue;
            }
            if (current.isPresent()) {
                progress.report("失効したロックを解除しました / broke the stale run lock of " + current.get().describe());
                appendHistory(spark, settings, current.get(), now, "stale: broken by " + self.name());
            }
            return new RunLock(spark, settings, table, clock, self, staleAfter.dividedBy(4));
        }
    }

    /** The current holder of the lake's lock, if any (stale or not). */
    public static Optional<Holder> holder(SparkSession spark, LakeSettings settings) {
        Table table = lockTable(spark, settings);
        return Holder.of(((HasTableOperations) table).operations().refresh().properties());
    }

    public Holder holder() {
        return self;
    }

    /** Whether another run took the lock over (after this one was silent longer than the stale limit). */
    public boolean lost() {
        return lost.get();
    }

    /**
     * Records the holding period, then gives the lake up if this run still holds it. The record comes first: while the
     * lock is held no other run writes, so the record's commit has the catalog to itself.
     */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        renewal.shutdownNow();
        if (!stillHeld()) {
            return;
        }
        appendHistory(spark, settings, self, clock.instant(), "released");
        while (true) {
            TableOperations operations = ((HasTableOperations) table).operations();
            TableMetadata base = operations.refresh();
            if (!held(base)) {
                return;
            }
            Map<String, String> properties = new HashMap<>(base.properties());
            self.properties().keySet().forEach(properties::remove);
            try {
                operations.commit(base, base.replaceProperties(properties));
                return;
            } catch (CommitFailedException | CommitStateUnknownException | UncheckedSQLException raced) {
                // Someone else committed to the table meanwhile: read it again.
            }
        }
    }

    private boolean stillHeld() {
        return held(((HasTableOperations) table).operations().refresh());
    }

    private boolean held(TableMetadata metadata) {
        return Holder.of(metadata.properties()).map(holder -> holder.name().equals(self.name()) && holder.since().equals(self.since()))
                .orElse(false);
    }

    private void renew() {
        try {
            TableOperations operations = ((HasTableOperations) table).operations();
            TableMetadata base = operations.refresh();
            if (!held(base)) {
                lost.set(true);
                return;
            }
            Map<String, String> properties = new HashMap<>(base.properties());
            properties.put(SEEN, clock.instant().toString());
            operations.commit(base, base.replaceProperties(properties));
        } catch (RuntimeException missed) {
            // A renewal that races another commit is simply tried again at the next tick, well before the stale limit.
        }
    }

    private static void appendHistory(SparkSession spark, LakeSettings settings, Holder holder, Instant ended, String how) {
        String name = TABLE.in(settings.catalogName());
        TableWrites.append(spark.createDataFrame(List.of(RowFactory.create(holder.name(), holder.runId(),
                Timestamp.from(holder.since()), Timestamp.from(ended), how)), spark.table(name).schema()), name);
    }

    /** The lock's table, created if missing; two runs creating it at once both end up with the one table. */
    private static Table lockTable(SparkSession spark, LakeSettings settings) {
        Catalog catalog = LakeSession.icebergCatalog(spark, settings);
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(Namespace.of(Zone.OPS.namespace()))) {
            try {
                namespaces.createNamespace(Namespace.of(Zone.OPS.namespace()));
            } catch (AlreadyExistsException createdMeanwhile) {
                // Another run created it first: the same namespace.
            }
        }
        try {
            new LakeTables(catalog).ensure(DatasetCatalog.load().table(TABLE));
        } catch (AlreadyExistsException | UncheckedSQLException createdMeanwhile) {
            // Another run created it at the same moment: the same table (loaded below, or failing there if it is not).
        }
        return catalog.loadTable(TABLE.identifier());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.LAKE_BUSY, "ロック待ちを中断しました / interrupted while waiting for the lake", e);
        }
    }
}
