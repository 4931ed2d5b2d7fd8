package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.checks.CheckStatus;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.ResultKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchSet;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.pipelines.ops.QuarantineTable;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.VolumeCheck;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The gate between raw and curated, batch by batch. It registers the batches ingest delivered since it last
 * looked ({@link BatchLedger}), then checks each new batch on its own rows only, accepted and quarantined
 * ({@link BatchRows}), as one Deequ VerificationSuite: the quarantined share against the dataset's tolerance,
 * the declared column, key and reference checks, and for a scheduled dataset a volume anomaly check added
 * through Deequ's {@code addAnomalyCheck} against the promoted batches in the metrics repository
 * ({@link IcebergMetricsRepository}). A batch with an error-level failure is blocked and stays out of curated
 * until a steward acts; one without is passed, and promotion takes it. The freshness of a scheduled source is
 * checked every run.
 */
public final class QualityGate {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final Clock clock;
    private final BatchLedger ledger;
    private final QualityResultsTable results;
    private final IcebergMetricsRepository repository;
    private final BatchRows batchRows;
    private final BatchStates states;

    public QualityGate(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock) {
        this(spark, settings, datasets, clock, new BatchLedger(spark, settings, clock, BatchLedger.osUser()));
    }

    public QualityGate(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock, BatchLedger ledger) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.results = new QualityResultsTable(spark, settings);
        this.repository = new IcebergMetricsRepository(spark, settings, clock);
        this.batchRows = new BatchRows(spark, settings, datasets);
        this.states = new BatchStates(spark, settings);
    }

    /**
     * Checks every batch of the dataset delivered since the last check, and the source's freshness. The verdicts
     * are recorded together at the end, the batches' new states in one commit of {@code ops.batches} and their
     * findings in one of {@code ops.quality_results}.
     */
    public QualityVerdict check(String datasetName, String runId) {
        requireNonNull(runId, "runId is null");
        DatasetDeclaration dataset = datasets.dataset(requireNonNull(datasetName, "datasetName is null"));
        Map<String, BatchRecord> current = new LinkedHashMap<>();
        List<BatchRecord> known = ledger.batches(dataset.name());
        known.forEach(batch -> current.put(batch.batchId(), batch));
        ledger.discover(dataset, known, Optional.of(runId)).forEach(event -> current.put(event.batchId(), event));
        Map<String, List<String>> admittedOf = new LinkedHashMap<>();
        List<BatchVerdict> checked = new ArrayList<>();
        List<BatchRecord> decisions = new ArrayList<>();
        List<QualityResultsTable.Result> findings = new ArrayList<>();
        for (BatchRecord batch : List.copyOf(current.values())) {
            if (batch.status() != BatchStatus.PENDING) {
                continue;
            }
            Set<String> admitted = current.values().stream().filter(other -> other.status().admitted())
                    .map(BatchRecord::batchId).collect(Collectors.toSet());
            BatchVerdict verdict = check(dataset, batch, runId, admitted,
                    target -> admittedOf.computeIfAbsent(target, this::admittedBatches));
            checked.add(verdict);
            BatchStatus status = BatchStatus.PASSED;
            if (verdict.blocked()) {
                status = BatchStatus.BLOCKED;
            }
            BatchRecord decided = ledger.event(batch, status, verdict.summary(), Optional.of(runId), Optional.empty());
            decisions.add(decided);
            current.put(batch.batchId(), decided);
            findings.add(new QualityResultsTable.Result(Optional.of(batch.batchId()), verdict.findings()));
        }
        List<BatchRecord> batches = List.copyOf(current.values());
        Optional<CheckFinding> freshness = dataset.qualityChecks().expectedDelivery().map(expected -> new Freshness(expected).assess(
                batches.stream().map(BatchRecord::deliveredAt).max(Comparator.naturalOrder()), clock.instant()));
        freshness.ifPresent(finding -> findings.add(new QualityResultsTable.Result(Optional.empty(), List.of(finding))));
        results.append(runId, dataset.name(), clock.instant(), findings);
        ledger.record(decisions);
        recordPromotedTotals(dataset, batches, runId);
        return new QualityVerdict(dataset.name(), checked, freshness,
                batches.stream().filter(batch -> batch.status() == BatchStatus.BLOCKED).toList());
    }

    private BatchVerdict check(DatasetDeclaration dataset, BatchRecord batch, String runId, Set<String> admitted,
            Function<String, List<String>> admittedOf) {
        Dataset<Row> rows = batchRows.of(dataset, batch, admittedOf).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<DeclaredCheck> checks = DeclaredChecks.of(dataset, quarantineReport(dataset, batch));
            List<Analyzer<?, Metric<?>>> measured = new ArrayList<>(BatchStates.analyzers(dataset));
            measured.add(VolumeAnomaly.ROWS_READ);
            VerificationRunBuilder suite = new VerificationSuite().onData(rows)
                    .addChecks(JavaConverters.asScalaBuffer(checks.stream().map(DeclaredCheck::check).toList()).toSeq())
                    .addRequiredAnalyzers(JavaConverters.asScalaBuffer(measured).toSeq())
                    .saveStatesWith(states.persisterFor(batch));
            Optional<VolumeCheck> volumeCheck = dataset.qualityChecks().volumeCheck();
            PromotedHistory history = new PromotedHistory(repository, admitted);
            Optional<Double> previous = Optional.empty();
            if (volumeCheck.isPresent() && !admitted.isEmpty()) {
                previous = VolumeAnomaly.previous(history, batch);
            }
            VerificationResult result;
            if (volumeCheck.isPresent() && previous.isPresent()) {
                VolumeAnomaly volume = new VolumeAnomaly(volumeCheck.get());
                result = suite.useRepository(history).addAnomalyCheck(volume.strategy(), VolumeAnomaly.ROWS_READ_FOR_ANOMALY,
                        Option.apply(volume.config(batch))).run();
            } else {
                result = suite.run();
            }
            long rowsAccepted = measuredLong(result, BatchStates.ROWS_ACCEPTED);
            long rowsRead = measuredLong(result, VolumeAnomaly.ROWS_READ);
            List<CheckFinding> findings = new ArrayList<>();
            for (DeclaredCheck check : checks) {
                long rowsMeasured = switch (check.rows()) {
                    case READ -> rowsRead;
                    case ACCEPTED -> rowsAccepted;
                };
                findings.add(finding(check.name(), check.level(), result.checkResults().apply(check.check()), check.wording(),
                        rowsMeasured));
            }
            Optional<Double> rowsBefore = previous;
            volumeCheck.map(VolumeAnomaly::new).ifPresent(volume -> findings.add(rowsBefore
                    .map(before -> volumeFinding(volume, result, rowsRead, before))
                    .orElseGet(() -> volume.firstBatch(rowsRead))));
            BatchVerdict verdict = new BatchVerdict(batch, findings);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(IcebergMetricsRepository.DATASET, dataset.name());
            tags.put(IcebergMetricsRepository.BATCH, batch.batchId());
            tags.put(IcebergMetricsRepository.RUN, runId);
            tags.put(IcebergMetricsRepository.VERDICT, verdict.blocked() ? "blocked" : IcebergMetricsRepository.PASSED);
            // Saved at once: the next batch's volume check reads this one from the repository.
            repository.save(new ResultKey(batch.deliveredAt().toEpochMilli(), scalaMap(tags)), new AnalyzerContext(result.metrics()));
            return verdict;
        } finally {
            rows.unpersist();
        }
    }

    private QuarantineReport quarantineReport(DatasetDeclaration dataset, BatchRecord batch) {
        if (batch.rowsQuarantined() == 0) {
            return new QuarantineReport(batch.sourceFile(), batch.rowsRead(), 0, dataset.qualityChecks().tolerance(), List.of());
        }
        List<QuarantineReport.Reason> reasons = spark.table(QuarantineTable.TABLE.in(settings.catalogName()))
                .where(col("dataset").equalTo(dataset.name()).and(col("batch_id").equalTo(batch.batchId())))
                .groupBy(col("field"), col("reason")).agg(count(lit(1)).as("rows"))
                .orderBy(col("rows").desc(), col("reason")).collectAsList().stream()
                .map(row -> new QuarantineReport.Reason(Optional.ofNullable(row.getString(0)).orElse("-"), row.getString(1),
                        row.getLong(2)))
                .toList();
        return new QuarantineReport(batch.sourceFile(), batch.rowsRead(), batch.rowsQuarantined(),
                dataset.qualityChecks().tolerance(), reasons);
    }

    private List<String> admittedBatches(String dataset) {
        return ledger.batches(dataset).stream().filter(batch -> batch.status().admitted()).map(BatchRecord::batchId).toList();
    }

    /**
     * The row count and completeness of all admitted batches together, merged from their Deequ states into the
     * repository (tagged scope=promoted) whenever the set of admitted batches changed.
     */
    private void recordPromotedTotals(DatasetDeclaration dataset, List<BatchRecord> batches, String runId) {
        List<BatchRecord> admitted = batches.stream().filter(batch -> batch.status().admitted()).toList();
        if (admitted.isEmpty()) {
            return;
        }
        String digest = BatchSet.of(admitted).digest();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(IcebergMetricsRepository.DATASET, dataset.name());
        tags.put(IcebergMetricsRepository.SCOPE, "promoted");
        tags.put("batches", digest);
        if (!JavaConverters.seqAsJavaList(repository.load().withTagValues(scalaMap(tags)).get()).isEmpty()) {
            return;
        }
        tags.put(IcebergMetricsRepository.RUN, runId);
        tags.put("batch_count", String.valueOf(admitted.size()));
        states.together(dataset, batchRows.schema(dataset), admitted)
                .ifPresent(totals -> repository.save(new ResultKey(clock.millis(), scalaMap(tags)), totals));
    }

    private static CheckFinding volumeFinding(VolumeAnomaly volume, VerificationResult result, long rowsRead, double previous) {
        for (Map.Entry<Check, CheckResult> entry : JavaConverters.mapAsJavaMap(result.checkResults()).entrySet()) {
            if (entry.getKey().description().equals(volume.name())) {
                return finding(volume.name(), levelOf(entry.getKey()), entry.getValue(),
                        (share, rows) -> volume.explain(rowsRead, previous), rowsRead);
            }
        }
        throw new IllegalStateException("Deequ returned no result for the anomaly check " + volume.name());
    }

    private static org.ebpmlake.schemas.QualityLevel levelOf(Check check) {
        if (check.level() == com.amazon.deequ.checks.CheckLevel.Error()) {
            return org.ebpmlake.schemas.QualityLevel.ERROR;
        }
        return org.ebpmlake.schemas.QualityLevel.WARNING;
    }

    private static CheckFinding finding(String name, org.ebpmlake.schemas.QualityLevel level, CheckResult outcome,
            FindingWording wording, long rows) {
        ConstraintResult constraint = outcome.constraintResults().head();
        Optional<Double> metric = Optional.empty();
        if (constraint.metric().isDefined() && constraint.metric().get() instanceof DoubleMetric value && value.value().isSuccess()) {
            metric = Optional.of(((Number) value.value().get()).doubleValue());
        }
        if (outcome.status() == CheckStatus.Success()) {
            String measured = metric.map(value -> constraint.metric().get().name() + " " + value).orElse("");
            return new CheckFinding(name, level, true, new LocalizedText("問題なし " + measured, "held " + measured));
        }
        if (metric.isEmpty()) {
            String why = constraint.message().isDefined() ? constraint.message().get() : "no metric";
            return new CheckFinding(name, level, false, new LocalizedText("検査を実行できませんでした：" + why, "could not be checked: " + why));
        }
        return new CheckFinding(name, level, false, wording.failure(metric.get(), rows));
    }

    private static long measuredLong(VerificationResult result, Analyzer<?, Metric<?>> analyzer) {
        Option<Metric<?>> metric = result.metrics().get(analyzer);
        if (metric.isEmpty() || metric.get().value().isFailure()) {
            return 0;
        }
        return ((Number) metric.get().value().get()).longValue();
    }

    private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
        return JavaConverters.mapAsScalaMap(map).toMap(scala.Predef.$conforms());
    }
}
