package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code ops.batches}: every delivered batch and what happened to it, one appended row per event (registered,
 * passed, blocked, waived, withdrawn, superseded, promoted), each with who and why; a batch's row with the highest
 * sequence is its current state. The only code that knows the table's layout.
 *
 * <p>Batches are found from what ingest leaves, not told by it: the lineage columns of the raw table and the
 * rows of {@code raw.quarantine}. Only rows ingested since the newest registered delivery are read, so finding
 * new batches costs a read of the new files, whatever the size of the table.
 */
public final class BatchLedger {
    public static final TableName TABLE = new TableName(Zone.OPS, "batches");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;
    private final String actor;

    /**
     * @param actor who the events this ledger records are by: the OS user who runs the command
     */
    public BatchLedger(SparkSession spark, LakeSettings settings, Clock clock, String actor) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.actor = requireNonNull(actor, "actor is null");
    }

    /** The OS user running this process, the "who" of every event it records. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    public String actor() {
        return actor;
    }

    /**
     * Registers the batches ingest added to the dataset since the newest one registered, as pending, oldest
     * first; an earlier batch of the same file name is recorded as superseded by the new one (ingest has
     * already replaced its rows). Returns the events recorded.
     */
    public List<BatchRecord> discover(DatasetDeclaration dataset, Optional<String> runId) {
        requireNonNull(dataset, "dataset is null");
        return discover(dataset, batches(dataset.name()), runId);
    }

    /**
     * As {@link #discover(DatasetDeclaration, Optional)}, given the dataset's batches as the caller just read them;
     * returns every event recorded: the new pending batches and the superseded predecessors.
     */
    public List<BatchRecord> discover(DatasetDeclaration dataset, List<BatchRecord> known, Optional<String> runId) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(known, "known is null");
        requireNonNull(runId, "runId is null");
        if (!dataset.isSource()) {
            return List.of();
        }
        Set<String> knownIds = known.stream().map(BatchRecord::batchId).collect(Collectors.toSet());
        Instant since = known.stream().map(BatchRecord::deliveredAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Map<String, Delivered> found = new LinkedHashMap<>();
        String ingestedAt = LineageColumn.INGESTED_AT.columnName();
        for (Row row : spark.table(new TableName(Zone.RAW, dataset.name()).in(settings.catalogName()))
                .where(col(ingestedAt).geq(lit(since)))
                .groupBy(col(LineageColumn.BATCH_ID.columnName()))
                .agg(first(col(LineageColumn.SOURCE_FILE.columnName())), min(col(ingestedAt)), count(lit(1)))
                .collectAsList()) {
            found.put(row.getString(0), new Delivered(row.getString(1), row.getAs(2), row.getLong(3), 0));
        }
        for (Row row : spark.table(QuarantineTable.TABLE.in(settings.catalogName()))
                .where(col("dataset").equalTo(dataset.name()).and(col("quarantined_at").geq(lit(since))))
                .groupBy(col("batch_id"))
                .agg(first(col("source_file")), min(col("quarantined_at")), count(lit(1)))
                .collectAsList()) {
            Delivered quarantined = new Delivered(row.getString(1), row.getAs(2), 0, row.getLong(3));
            found.merge(row.getString(0), quarantined, Delivered::plus);
        }
        Instant now = clock.instant();
        List<BatchRecord> events = new ArrayList<>();
        List<BatchRecord> open = new ArrayList<>(known.stream().filter(batch -> !batch.status().closed()).toList());
        found.entrySet().stream()
                .filter(entry -> !knownIds.contains(entry.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, Delivered> entry) -> entry.getValue().deliveredAt())
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    Delivered delivered = entry.getValue();
                    for (BatchRecord predecessor : List.copyOf(open)) {
                        if (predecessor.sourceFile().equals(delivered.sourceFile())) {
                            events.add(predecessor.next(BatchStatus.SUPERSEDED, "corrected delivery of the same name "
                                    + delivered.sourceFile() + " replaced its rows", actor, now, runId, Optional.of(entry.getKey())));
                            open.remove(predecessor);
                        }
                    }
                    BatchRecord batch = new BatchRecord(dataset.name(), entry.getKey(), 0, delivered.sourceFile(),
                            delivered.deliveredAt(), delivered.accepted() + delivered.quarantined(), delivered.accepted(),
                            delivered.quarantined(), BatchStatus.PENDING, "delivered", actor, now, runId, Optional.empty());
                    events.add(batch);
                    open.add(batch);
                });
        return record(events);
    }

    /** The current state of every batch of the dataset, oldest delivery first. */
    public List<BatchRecord> batches(String dataset) {
        requireNonNull(dataset, "dataset is null");
        return current(spark.table(TABLE.in(settings.catalogName())).where(col("dataset").equalTo(dataset)));
    }

    /** The current state of the batch with this id, in whichever dataset. */
    public Optional<BatchRecord> find(String batchId) {
        requireNonNull(batchId, "batchId is null");
        return current(spark.table(TABLE.in(settings.catalogName())).where(col("batch_id").equalTo(batchId)))
                .stream().findFirst();
    }

    /** The most recently delivered batches, newest first: of one dataset, or of every dataset. */
    public List<BatchRecord> recent(Optional<String> dataset, int limit) {
        requireNonNull(dataset, "dataset is null");
        Dataset<Row> rows = spark.table(TABLE.in(settings.catalogName()));
        if (dataset.isPresent()) {
            rows = rows.where(col("dataset").equalTo(dataset.get()));
        }
        List<BatchRecord> batches = new ArrayList<>(current(rows));
        batches.sort(Comparator.comparing(BatchRecord::deliveredAt).reversed().thenComparing(BatchRecord::batchId));
        return List.copyOf(batches.subList(0, Math.min(limit, batches.size())));
    }

    /** The batch's next state, by this ledger's actor, now; recorded by {@link #record}. */
    public BatchRecord event(BatchRecord batch, BatchStatus status, String reason, Optional<String> runId,
            Optional<String> supersededBy) {
        requireNonNull(batch, "batch is null");
        return batch.next(status, reason, actor, clock.instant(), runId, supersededBy);
    }

    /** Records one event: the batch's new state, built with {@link #event}. */
    public BatchRecord record(BatchRecord event) {
        return record(List.of(event)).get(0);
    }

    /** Records events in one commit, in the order given; each gets the next sequence of its dataset. */
    public List<BatchRecord> record(List<BatchRecord> events) {
        requireNonNull(events, "events is null");
        if (events.isEmpty()) {
            return List.of();
        }
        String table = TABLE.in(settings.catalogName());
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<BatchRecord> recorded = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (BatchRecord event : events) {
            long sequence = sequences.computeIfAbsent(event.dataset(), this::lastSequence) + 1;
            sequences.put(event.dataset(), sequence);
            BatchRecord numbered = event.withSequence(sequence);
            recorded.add(numbered);
            rows.add(RowFactory.create(numbered.dataset(), numbered.batchId(), numbered.sequence(), numbered.sourceFile(),
                    numbered.deliveredAt(), numbered.rowsRead(), numbered.rowsAccepted(), numbered.rowsQuarantined(),
                    numbered.status().code(), numbered.reason(), numbered.decidedBy(), numbered.decidedAt(),
                    numbered.runId().orElse(null), numbered.supersededBy().orElse(null)));
        }
        TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
        return List.copyOf(recorded);
    }

    private long lastSequence(String dataset) {
        Row last = spark.table(TABLE.in(settings.catalogName())).where(col("dataset").equalTo(dataset))
                .agg(max(col("sequence"))).first();
        return last.isNullAt(0) ? 0 : last.getLong(0);
    }

    /** The row of each batch with the highest sequence; the events are few, so they are reduced here, not shuffled. */
    private static List<BatchRecord> current(Dataset<Row> events) {
        Map<String, BatchRecord> latest = new LinkedHashMap<>();
        for (Row row : events.collectAsList()) {
            BatchRecord event = toRecord(row);
            latest.merge(event.dataset() + "/" + event.batchId(), event,
                    (kept, other) -> kept.sequence() >= other.sequence() ? kept : other);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing(BatchRecord::deliveredAt).thenComparing(BatchRecord::batchId))
                .toList();
    }

    private static BatchRecord toRecord(Row row) {
        return new BatchRecord(row.getAs("dataset"), row.getAs("batch_id"), row.<Long>getAs("sequence"),
                row.getAs("source_file"), row.getAs("delivered_at"), row.<Long>getAs("rows_read"),
                row.<Long>getAs("rows_accepted"), row.<Long>getAs("rows_quarantined"), BatchStatus.ofCode(row.getAs("status")),
                Optional.ofNullable(row.<String>getAs("reason")).orElse(""), row.getAs("decided_by"), row.getAs("decided_at"),
                Optional.ofNullable(row.getAs("run_id")), Optional.ofNullable(row.getAs("superseded_by")));
    }

    /** What the raw table and the quarantine hold of one batch. */
    private record Delivered(String sourceFile, Instant deliveredAt, long accepted, long quarantined) {
        Delivered plus(Delivered other) {
            Instant earlier = deliveredAt.isBefore(other.deliveredAt) ? deliveredAt : other.deliveredAt;
            return new Delivered(sourceFile, earlier, accepted + other.accepted, quarantined + other.quarantined);
        }
    }
}
