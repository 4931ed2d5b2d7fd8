package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.checks.CheckStatus;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.curated.LatestPerKey;
import org.ebpmlake.pipelines.quality.DeclaredCheck.CheckedRows;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * The gate between raw and curated: runs a dataset's declared checks as a Deequ VerificationSuite on the rows
 * promotion would make current (and on the delivered batches, for keys), plus its declared volume anomaly check
 * against the metrics history. Every finding goes to {@code ops.quality_results} and the run's metrics to
 * {@code ops.quality_metrics}; an error-level failure makes the verdict blocked, and the caller then leaves
 * curated as it was.
 */
public final class QualityGate {
    /** The row count of the checked rows, measured even for a dataset whose checks would not need it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Analyzer<?, Metric<?>> ROW_COUNT = (Analyzer) new Size(Option.empty());

    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final Clock clock;
    private final QualityResultsTable results;
    private final QualityMetricsTable metrics;
    private final ReferenceColumns references;

    public QualityGate(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.results = new QualityResultsTable(spark, settings);
        this.metrics = new QualityMetricsTable(spark, settings);
        this.references = new ReferenceColumns(spark, settings, datasets);
    }

    public QualityVerdict check(String datasetName, String runId) {
        requireNonNull(runId, "runId is null");
        DatasetDeclaration dataset = datasets.dataset(requireNonNull(datasetName, "datasetName is null"));
        Dataset<Row> delivered = spark.table(new TableName(Zone.RAW, dataset.name()).in(settings.catalogName()));
        Dataset<Row> current = references.addTo(LatestPerKey.of(delivered, dataset), dataset);
        List<DeclaredCheck> checks = DeclaredChecks.of(dataset);

        List<DeclaredCheck> onCurrent = checks.stream().filter(check -> check.rows() == CheckedRows.CURRENT).toList();
        List<DeclaredCheck> onDelivered = checks.stream().filter(check -> check.rows() == CheckedRows.DELIVERED).toList();
        Optional<VerificationResult> currentResult = verify(current, onCurrent);
        List<CheckFinding> findings = new ArrayList<>(findings(onCurrent, currentResult));
        findings.addAll(findings(onDelivered, verify(delivered, onDelivered)));
        List<MetricValue> measured = new ArrayList<>(metrics(currentResult));

        Optional<String> newestBatch = newestBatch(delivered);
        long batchSize = newestBatch.map(batch -> delivered.where(col(LineageColumn.BATCH_ID.columnName()).equalTo(batch)).count())
                .orElse(0L);
        measured.add(new MetricValue(MetricValue.BATCH_SIZE, MetricValue.WHOLE_TABLE, batchSize));
        dataset.qualityChecks().volume().ifPresent(volume -> findings.add(new VolumeAnomaly(volume).assess(
                metrics.promotedHistory(dataset.name(), MetricValue.BATCH_SIZE, MetricValue.WHOLE_TABLE), batchSize)));

        long rowsChecked = measured.stream().filter(metric -> metric.metric().equals(MetricValue.SIZE)).findFirst()
                .map(metric -> (long) metric.value()).orElse(0L);
        QualityVerdict verdict = new QualityVerdict(dataset.name(), rowsChecked, findings);
        Instant now = clock.instant();
        results.append(runId, newestBatch, now, verdict);
        metrics.append(runId, dataset.name(), newestBatch, now, measured, !verdict.blocked());
        return verdict;
    }

    /** Runs the checks on the rows they look at; empty when the dataset declares none for those rows. */
    private static Optional<VerificationResult> verify(Dataset<Row> rows, List<DeclaredCheck> checks) {
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VerificationSuite().onData(rows)
                .addChecks(JavaConverters.asScalaBuffer(checks.stream().map(DeclaredCheck::check).toList()).toSeq())
                .addRequiredAnalyzer(ROW_COUNT)
                .run());
    }

    private static List<CheckFinding> findings(List<DeclaredCheck> checks, Optional<VerificationResult> result) {
        List<CheckFinding> findings = new ArrayList<>();
        result.ifPresent(verified -> {
            for (DeclaredCheck check : checks) {
                CheckResult outcome = verified.checkResults().apply(check.check());
                boolean passed = outcome.status() == CheckStatus.Success();
                String message = JavaConverters.seqAsJavaList(outcome.constraintResults()).stream()
                        .map(QualityGate::reason)
                        .filter(reason -> !reason.isEmpty())
                        .collect(Collectors.joining("; "));
                findings.add(new CheckFinding(check.name(), check.level(), passed, message));
            }
        });
        return findings;
    }

    private static List<MetricValue> metrics(Optional<VerificationResult> result) {
        List<MetricValue> measured = new ArrayList<>();
        result.ifPresent(verified -> {
            for (Metric<?> metric : JavaConverters.asJavaCollection(verified.metrics().values())) {
                if (metric instanceof DoubleMetric value && value.value().isSuccess()) {
                    measured.add(new MetricValue(value.name(), value.instance(), ((Number) value.value().get()).doubleValue()));
                }
            }
        });
        return measured;
    }

    /** Deequ's reason for a constraint: its metric's value against the requirement, never a row's values. */
    private static String reason(ConstraintResult result) {
        List<String> parts = new ArrayList<>();
        if (result.metric().isDefined() && result.metric().get() instanceof DoubleMetric value && value.value().isSuccess()) {
            parts.add(value.name() + " " + value.value().get());
        }
        if (result.message().isDefined()) {
            parts.add(result.message().get());
        }
        return String.join(" ", parts);
    }

    private static Optional<String> newestBatch(Dataset<Row> delivered) {
        List<Row> newest = delivered.orderBy(col(LineageColumn.INGESTED_AT.columnName()).desc())
                .select(col(LineageColumn.BATCH_ID.columnName())).limit(1).collectAsList();
        return newest.stream().findFirst().map(row -> row.getString(0));
    }
}
