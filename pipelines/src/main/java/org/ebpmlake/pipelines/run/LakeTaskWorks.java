package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.pipelines.deid.Deidentification;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.maintenance.LakeMaintenance;
import org.ebpmlake.pipelines.evaluation.EvaluationsMart;
import org.ebpmlake.pipelines.mart.FootfallMart;
import org.ebpmlake.pipelines.mart.KpiActualsMart;
import org.ebpmlake.pipelines.mart.KpiProgressMart;
import org.ebpmlake.pipelines.mart.KpiReportingMart;
import org.ebpmlake.pipelines.mart.education.EarlyWarningSignals;
import org.ebpmlake.pipelines.mart.education.EducationMarts;
import org.ebpmlake.pipelines.mart.education.EducationTables;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.quality.QualityGate;
import org.ebpmlake.pipelines.quality.QualityResultsTable;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.Inbox;
import org.ebpmlake.pipelines.sources.SampleDeliveries;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Binds the tasks of {@link org.ebpmlake.pipelines.graph.LakePipeline} to the stages that do them. The site and the
 * audit log are written by modules this one does not depend on (dashboards, sql), so their work is handed in.
 */
public final class LakeTaskWorks implements TaskWorks {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final PseudonymKey key;
    private final Clock clock;
    private final LocalDate asOf;
    private final DatasetCatalog datasets;
    private final Map<String, PrivacyPolicy> policies;
    private final Inbox inbox;
    private final Optional<SampleDeliveries> samples;
    private final TaskWork audit;
    private final TaskWork site;
    private final List<IngestionResult> ingestions = new ArrayList<>();

    /**
     * @param samples the local environment's sample deliveries, ingested before the inbox's files; empty elsewhere
     * @param audit collects the SQL audit events into {@code ops.query_log}
     * @param site writes the static site
     */
    public LakeTaskWorks(SparkSession spark, LakeSettings settings, PseudonymKey key, Clock clock, List<PrivacyPolicy> policies,
            Inbox inbox, Optional<SampleDeliveries> samples, TaskWork audit, TaskWork site) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.key = requireNonNull(key, "key is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.asOf = LocalDate.parse(settings.option("lake.as-of-date").orElse("2025-03-31"));
        this.datasets = DatasetCatalog.load();
        this.policies = requireNonNull(policies, "policies is null").stream()
                .collect(Collectors.toUnmodifiableMap(policy -> policy.table().name(), Function.identity()));
        this.inbox = requireNonNull(inbox, "inbox is null");
        this.samples = requireNonNull(samples, "samples is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.site = requireNonNull(site, "site is null");
    }

    /** Every file ingested by this binding's tasks so far, for the run's closing summary. */
    public List<IngestionResult> ingestions() {
        return List.copyOf(ingestions);
    }

    @Override
    public TaskWork workOf(PipelineTask task) {
        requireNonNull(task, "task is null");
        String subject = task.subject();
        return switch (task.kind()) {
            case INGEST -> steps -> ingest(subject, steps);
            case QUALITY -> steps -> steps.step(QualityResultsTable.TABLE + " " + subject,
                    () -> new QualityGate(spark, settings, datasets, clock).check(subject, steps.runId()).stageOutput());
            case PROMOTE -> steps -> steps.step(new TableName(Zone.CURATED, subject).toString(), () -> promote(subject));
            case REFERENCE -> steps -> steps.step(KpiCatalogLoad.TABLE.toString(), () -> new KpiCatalogLoad(spark, settings).load());
            case DEIDENTIFY -> steps -> deidentify(policy(subject), steps);
            case MART -> martOf(subject);
            case AUDIT -> audit;
            case KPI -> kpiOf(subject);
            case SITE -> site;
            case MAINTAIN -> steps -> steps.step("-", () -> LakeMaintenance.summary(
                    new LakeMaintenance(spark, settings, clock).maintainAfterRun(datasets, runStarted(steps.runId()))));
        };
    }

    private void ingest(String dataset, TaskSteps steps) {
        RawIngestion ingestion = new RawIngestion(spark, settings, datasets, clock);
        String table = new TableName(Zone.RAW, dataset).toString();
        List<Path> sampleFiles = samples.map(deliveries -> deliveries.filesOf(dataset)).orElse(List.of());
        List<Path> delivered = inbox.waiting(dataset);
        if (sampleFiles.isEmpty() && delivered.isEmpty()) {
            steps.step(table, () -> new StageOutput(0, 0, Outcome.SKIPPED, "no delivery waiting in " + inbox.folder(dataset)));
            return;
        }
        for (Path file : sampleFiles) {
            steps.step(table, () -> recorded(ingestion.ingest(dataset, file, asOf), ""));
        }
        for (Path file : delivered) {
            steps.step(table, () -> {
                IngestionResult result;
                try {
                    // A real delivery's dates are checked against today; the samples are generated as of lake.as-of-date.
                    result = ingestion.ingest(dataset, file);
                } catch (RuntimeException failure) {
                    Optional<String> reason = DeliveryRejection.reasonOf(failure);
                    if (reason.isEmpty()) {
                        // The platform failed, not the file: it stays in the inbox for the next run.
                        throw failure;
                    }
                    Path moved = inbox.rejected(dataset, file, reason.get());
                    return new StageOutput(0, 0, Outcome.REJECTED, file.getFileName() + " rejected (" + reason.get()
                            + ") → " + inbox.folder(dataset).relativize(moved));
                }
                Path moved = inbox.processed(dataset, file);
                return recorded(result, " → " + inbox.folder(dataset).relativize(moved));
            });
        }
    }

    private StageOutput recorded(IngestionResult result, String movedTo) {
        ingestions.add(result);
        return new StageOutput(result.rowsRead(), result.rowsAccepted(),
                result.alreadyIngested() ? Outcome.SKIPPED : Outcome.SUCCEEDED, result.conservation() + movedTo);
    }

    /**
     * Promotion takes only the batches the gate admitted (or a steward waived), as the batch ledger records them: a
     * blocked batch stays out and curated keeps its last good rows, while the dataset's other batches go on. The ledger
     * is a table, so this holds when Airflow runs the quality and promote tasks as separate processes.
     */
    private StageOutput promote(String dataset) {
        return new CuratedPromotion(spark, settings, datasets, new KeyedPseudonymizer(key)).promote(dataset);
    }

    private void deidentify(PrivacyPolicy policy, TaskSteps steps) {
        steps.step(policy.publishes(), () -> new Deidentification(spark, settings, policy, asOf, clock).publish(steps.runId()));
    }

    private TaskWork martOf(String subject) {
        if (subject.equals("footfall")) {
            return steps -> steps.step(FootfallMart.HOURLY.toString(), () -> new FootfallMart(spark, settings, clock).build(steps.runId()));
        }
        if (subject.equals("education")) {
            return steps -> steps.step("mart.education_*", () -> new EducationMarts(spark, settings, asOf, clock).build(steps.runId()));
        }
        if (subject.equals(EvaluationsMart.EVALUATIONS.name())) {
            return steps -> steps.step(EvaluationsMart.EVALUATIONS.toString(), () -> new EvaluationsMart(spark, settings, clock).build(steps.runId()));
        }
        if (subject.equals(EducationTables.EARLY_WARNING.name())) {
            return steps -> steps.step(EducationTables.EARLY_WARNING.toString(), () -> new EarlyWarningSignals(spark, settings, asOf).build());
        }
        throw unbound("mart", subject);
    }

    /**
     * When the run began: its first row in {@code ops.runs}. Under Airflow each task is a process of its own, and the
     * maintenance task looks for a killed write's leftovers in every table the DAG run committed to, not only its own.
     */
    private Instant runStarted(String runId) {
        List<Row> first = spark.sql("SELECT min(started_at) FROM " + new TableName(Zone.OPS, "runs").in(settings.catalogName())
                + " WHERE run_id = '" + runId.replace("'", "''") + "'").collectAsList();
        if (first.isEmpty() || first.get(0).isNullAt(0)) {
            return clock.instant();
        }
        Object started = first.get(0).get(0);
        if (started instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) started;
    }

    private TaskWork kpiOf(String subject) {
        if (subject.equals(KpiActualsMart.TABLE.name())) {
            return steps -> steps.step(KpiActualsMart.TABLE.toString(), () -> new KpiActualsMart(spark, settings, asOf).build());
        }
        if (subject.equals(KpiProgressMart.TABLE.name())) {
            return steps -> steps.step(KpiProgressMart.TABLE.toString(), () -> new KpiProgressMart(spark, settings, asOf).build());
        }
        if (subject.equals(KpiReportingMart.REPORTING.name())) {
            return steps -> steps.step(KpiReportingMart.REPORTING.toString(), () -> new KpiReportingMart(spark, settings, asOf).build());
        }
        throw unbound("KPI", subject);
    }

    private PrivacyPolicy policy(String publishedTable) {
        PrivacyPolicy policy = policies.get(publishedTable);
        if (policy == null) {
            throw unbound("de-identification", publishedTable);
        }
        return policy;
    }

    private static IllegalStateException unbound(String kind, String subject) {
        return new IllegalStateException("the pipeline defines a " + kind + " task for " + subject + " but nothing does it");
    }

    /** Which failures of an ingest are the delivery's fault, so the file is rejected rather than the task failed. */
    static final class DeliveryRejection {
        private DeliveryRejection() {
        }

        /**
         * The reason a file is refused as a whole: a {@link LakeException} about the file, or the readers' own refusal of
         * a layout (an unknown format, an empty file, a missing required column), which they throw as an
         * {@link IllegalArgumentException}. Anything else is the platform's failure.
         */
        static Optional<String> reasonOf(RuntimeException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof LakeException lake && lake.category() == ErrorCategory.INVALID_FILE) {
                    return Optional.of(firstLine(lake.getMessage()));
                }
            }
            if (failure instanceof IllegalArgumentException) {
                return Optional.of(firstLine(failure.getMessage()));
            }
            return Optional.empty();
        }

        private static String firstLine(String message) {
            return String.valueOf(message).lines().findFirst().orElse("").strip();
        }
    }
}
