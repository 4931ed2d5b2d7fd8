package org.ebpmlake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.pipelines.evaluation.EvaluationDeclaration;
import org.ebpmlake.pipelines.evaluation.EvaluationsMart;
import org.ebpmlake.pipelines.mart.FootfallMart;
import org.ebpmlake.pipelines.mart.KpiActualsMart;
import org.ebpmlake.pipelines.mart.KpiProgressMart;
import org.ebpmlake.pipelines.mart.KpiReportingMart;
import org.ebpmlake.pipelines.mart.education.EducationTables;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.IngestWarningTable;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.pipelines.ops.QuarantineTable;
import org.ebpmlake.pipelines.quality.IcebergMetricsRepository;
import org.ebpmlake.pipelines.quality.QualityResultsTable;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.DeliverySchedule;
import org.ebpmlake.schemas.ReferenceCheck;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The lake's pipeline, defined once for the embedded runner and for Airflow: per source dataset ingest → quality →
 * promote; the KPI catalogue; per privacy policy de-identify; then the footfall and education marts, the school
 * staff's early-warning signals, the SQL audit log, the KPIs, the site and, last, the lake's maintenance (snapshot
 * retention, compaction, orphan files). A source dataset's tasks run on its declared delivery schedule; every other task runs with the most
 * frequent schedule among the tasks it reads from, so a nightly delivery reaches the site the same night and a monthly
 * one the night after it arrives.
 */
public final class LakePipeline {
    /** A {@code ${curated}.<table>} reference in a privacy policy's SQL. */
    private static final Pattern CURATED_TABLE = Pattern.compile("\\$\\{curated}\\.([a-z][a-z0-9_]*)");

    public static final String SITE = "site";
    public static final String MAINTAIN = "maintain";
    public static final String EVALUATIONS = "mart.evaluations";
    private static final List<String> EDUCATION_SOURCES = List.of("schools", "students", "test_scores", "learning_logs",
            "mood_checkins", "attendance", "nurse_visits");
    private static final List<TableName> EDUCATION_MARTS = List.of(EducationTables.SCORES, EducationTables.DEVICE_USE,
            EducationTables.MOOD, EducationTables.ATTENDANCE, EducationTables.NURSE_VISITS);

    private final List<PipelineTask> tasks = new ArrayList<>();

    private LakePipeline() {
    }

    public static PipelineDefinition define(DatasetCatalog datasets, List<PrivacyPolicy> policies) {
        return define(datasets, policies, List.of());
    }

    /** With the policy evaluations declared: their task reads the tables they evaluate, so it runs after those are built. */
    public static PipelineDefinition define(DatasetCatalog datasets, List<PrivacyPolicy> policies, List<EvaluationDeclaration> evaluations) {
        requireNonNull(datasets, "datasets is null");
        requireNonNull(policies, "policies is null");
        requireNonNull(evaluations, "evaluations is null");
        LakePipeline pipeline = new LakePipeline();
        List<DatasetDeclaration> sources = datasets.datasets().stream().filter(dataset -> dataset.isSource()).toList();
        for (DatasetDeclaration source : sources) {
            pipeline.ingest(source);
        }
        for (DatasetDeclaration source : sources) {
            pipeline.quality(source);
            pipeline.promote(source);
        }
        pipeline.add("reference." + KpiCatalogLoad.TABLE.name(), TaskKind.REFERENCE, KpiCatalogLoad.TABLE.name(),
                Set.of(), Set.of(whole(KpiCatalogLoad.TABLE)));
        for (PrivacyPolicy policy : policies) {
            pipeline.deidentify(policy);
        }
        pipeline.add("mart.footfall", TaskKind.MART, "footfall", Set.of(curated("gps_pings")),
                Set.of(whole(FootfallMart.HOURLY), whole(FootfallMart.DWELL), whole(FootfallMart.CELLS),
                        TableSlice.part(PrivacyReportTable.TABLE, FootfallMart.HOURLY.toString())));
        pipeline.education();
        Set<TableSlice> evaluated = new LinkedHashSet<>(List.of(whole(EvaluationsMart.EVALUATIONS), whole(EvaluationsMart.PERIODS)));
        evaluations.forEach(evaluation -> evaluated.add(whole(evaluation.table())));
        pipeline.add(EVALUATIONS, TaskKind.MART, EvaluationsMart.EVALUATIONS.name(), evaluated,
                Set.of(whole(EvaluationsMart.EVALUATIONS), whole(EvaluationsMart.PERIODS)));
        TableName queryLog = new TableName(Zone.OPS, "query_log");
        TableName queries = new TableName(Zone.OPS, "queries");
        pipeline.add("audit.query_log", TaskKind.AUDIT, queryLog.name(), Set.of(whole(queryLog), whole(queries)),
                Set.of(whole(queryLog), whole(queries)));
        // The derived KPIs read these (MyNumberCardRate, DailyDeviceUse, TeacherIctSkills, StrollingVisitorShare,
        // DepartmentsUsingData) besides the figures departments report.
        pipeline.add("kpi.actuals", TaskKind.KPI, KpiActualsMart.TABLE.name(),
                Set.of(curated("kpi_actuals_reported"), curated("residents"), curated("learning_logs"), curated("students"),
                        curated("schools"), curated("ict_skills_survey"), curated("gps_pings"), whole(queryLog),
                        whole(KpiActualsMart.TABLE)),
                Set.of(whole(KpiActualsMart.TABLE)));
        pipeline.add("kpi.progress", TaskKind.KPI, KpiProgressMart.TABLE.name(),
                Set.of(whole(KpiCatalogLoad.TABLE), whole(KpiActualsMart.TABLE), whole(KpiProgressMart.TABLE)),
                Set.of(whole(KpiProgressMart.TABLE)));
        // Receipts are dated by the raw batch that brought each reported figure.
        pipeline.add("kpi.reporting", TaskKind.KPI, KpiReportingMart.REPORTING.name(),
                Set.of(curated("kpi_actuals_reported"), whole(new TableName(Zone.RAW, "kpi_actuals_reported")),
                        whole(KpiActualsMart.TABLE), whole(KpiCatalogLoad.TABLE), whole(KpiReportingMart.REPORTING),
                        whole(KpiReportingMart.RECEIPTS)),
                Set.of(whole(KpiReportingMart.REPORTING), whole(KpiReportingMart.RECEIPTS)));
        Set<TableSlice> siteReads = new LinkedHashSet<>(List.of(whole(KpiProgressMart.TABLE), whole(KpiActualsMart.TABLE),
                whole(KpiReportingMart.REPORTING), whole(KpiReportingMart.RECEIPTS),
                whole(new TableName(Zone.RAW, "kpi_actuals_reported")), whole(FootfallMart.HOURLY), whole(FootfallMart.DWELL),
                whole(QualityResultsTable.TABLE), whole(IcebergMetricsRepository.TABLE), whole(BatchLedger.TABLE),
                whole(PrivacyReportTable.TABLE), whole(EvaluationsMart.EVALUATIONS), whole(EvaluationsMart.PERIODS)));
        EDUCATION_MARTS.forEach(mart -> siteReads.add(whole(mart)));
        pipeline.add(SITE, TaskKind.SITE, "site", siteReads, Set.of());
        pipeline.maintain();
        return new PipelineDefinition(pipeline.tasks);
    }

    /** The school board's marts (cells verified, small groups suppressed) and the school staff's early-warning signals. */
    private void education() {
        Set<TableSlice> curatedEducation = new LinkedHashSet<>();
        EDUCATION_SOURCES.forEach(dataset -> curatedEducation.add(curated(dataset)));
        Set<TableSlice> martReads = new LinkedHashSet<>(curatedEducation);
        Set<TableSlice> martWrites = new LinkedHashSet<>();
        for (TableName mart : EDUCATION_MARTS) {
            martReads.add(whole(mart));
            martWrites.add(whole(mart));
            martWrites.add(TableSlice.part(PrivacyReportTable.TABLE, mart.toString()));
        }
        add("mart.education", TaskKind.MART, "education", martReads, martWrites);
        add("mart.early_warning", TaskKind.MART, EducationTables.EARLY_WARNING.name(),
                Set.of(curated("students"), curated("mood_checkins"), curated("attendance"), curated("nurse_visits"),
                        whole(EducationTables.EARLY_WARNING)),
                Set.of(whole(EducationTables.EARLY_WARNING)));
    }

    /**
     * Last, after everything that commits: superseded snapshots expire, small files are merged, a killed write's leftovers
     * go. It reads every table a task writes (so it waits for all of them), and changes no row.
     */
    private void maintain() {
        Set<TableSlice> written = new LinkedHashSet<>();
        for (PipelineTask task : tasks) {
            task.writes().forEach(slice -> written.add(whole(slice.table())));
        }
        add(MAINTAIN, TaskKind.MAINTAIN, MAINTAIN, written, Set.of());
    }

    private void ingest(DatasetDeclaration source) {
        TableName raw = new TableName(Zone.RAW, source.name());
        TableSlice quarantined = TableSlice.part(QuarantineTable.TABLE, source.name());
        TableSlice warnings = TableSlice.part(IngestWarningTable.TABLE, source.name());
        // Raw and the quarantine are read too: a file already there is not taken twice.
        tasks.add(task("ingest." + source.name(), TaskKind.INGEST, source.name(), Set.of(whole(raw), quarantined),
                Set.of(whole(raw), quarantined, warnings), source.schedule().orElseThrow()));
    }

    /**
     * The gate reads the dataset's new batches (their accepted rows in raw, their quarantined ones) and what the batch
     * ledger says of them, and records a verdict per batch in the ledger beside its results and metrics.
     */
    private void quality(DatasetDeclaration source) {
        TableSlice batches = TableSlice.part(BatchLedger.TABLE, source.name());
        Set<TableSlice> reads = new LinkedHashSet<>(List.of(whole(new TableName(Zone.RAW, source.name())),
                TableSlice.part(QuarantineTable.TABLE, source.name()), TableSlice.part(IcebergMetricsRepository.TABLE, source.name()),
                batches));
        // A reference is checked against the referred dataset's admitted batches (raw rows the ledger let through), so it
        // waits for that dataset's gate and promotion, which write its part of the ledger.
        for (ReferenceCheck reference : source.qualityChecks().references()) {
            reads.add(whole(new TableName(Zone.RAW, reference.dataset())));
            reads.add(TableSlice.part(BatchLedger.TABLE, reference.dataset()));
        }
        tasks.add(task("quality." + source.name(), TaskKind.QUALITY, source.name(), reads,
                Set.of(TableSlice.part(QualityResultsTable.TABLE, source.name()),
                        TableSlice.part(IcebergMetricsRepository.TABLE, source.name()), batches),
                source.schedule().orElseThrow()));
    }

    /** Promotion takes the batches the ledger says the gate admitted (or a steward waived), and records them as promoted. */
    private void promote(DatasetDeclaration source) {
        TableName curated = new TableName(Zone.CURATED, source.name());
        TableSlice batches = TableSlice.part(BatchLedger.TABLE, source.name());
        tasks.add(task("promote." + source.name(), TaskKind.PROMOTE, source.name(),
                Set.of(whole(new TableName(Zone.RAW, source.name())), batches, whole(curated)),
                Set.of(whole(curated), batches), source.schedule().orElseThrow()));
    }

    private void deidentify(PrivacyPolicy policy) {
        Set<TableSlice> reads = new LinkedHashSet<>();
        Stream.concat(Stream.of(policy.source()), policy.quasiIdentifiers().values().stream()
                .flatMap(hierarchy -> hierarchy.groups().stream()))
                .forEach(sql -> {
                    Matcher matcher = CURATED_TABLE.matcher(sql);
                    while (matcher.find()) {
                        reads.add(curated(matcher.group(1)));
                    }
                });
        reads.add(whole(policy.table()));
        // Named by the table it publishes: one dataset may have several policies (residents, residents_internal).
        add("deid." + policy.table().name(), TaskKind.DEIDENTIFY, policy.table().name(), reads,
                Set.of(whole(policy.table()), TableSlice.part(PrivacyReportTable.TABLE, policy.table().toString())));
    }

    /** A task that is not a source's: it runs with the most frequent schedule of the tasks it reads from. */
    private void add(String id, TaskKind kind, String subject, Set<TableSlice> reads, Set<TableSlice> writes) {
        DeliverySchedule schedule = reads.stream()
                .flatMap(read -> tasks.stream().filter(earlier -> earlier.writesInto(read)))
                .map(PipelineTask::schedule)
                .min(Comparator.naturalOrder())
                .orElse(DeliverySchedule.DAILY);
        tasks.add(task(id, kind, subject, reads, writes, schedule));
    }

    private static PipelineTask task(String id, TaskKind kind, String subject, Set<TableSlice> reads, Set<TableSlice> writes,
            DeliverySchedule schedule) {
        return new PipelineTask(id, kind, subject, reads, writes, schedule, timeout(kind), retries(kind));
    }

    /** Generous for the city's scale: a task that overruns this is stuck, not slow. */
    private static Duration timeout(TaskKind kind) {
        return switch (kind) {
            case INGEST, DEIDENTIFY, MART, MAINTAIN -> Duration.ofHours(1);
            case QUALITY, PROMOTE, KPI, SITE -> Duration.ofMinutes(30);
            case REFERENCE, AUDIT -> Duration.ofMinutes(10);
        };
    }

    /**
     * One more try for anything that may fail for a passing reason (a busy catalog, a full disk freed); none for the
     * quality gate, whose verdict on the same rows would be the same.
     */
    private static int retries(TaskKind kind) {
        return switch (kind) {
            case QUALITY -> 0;
            case INGEST, PROMOTE, REFERENCE, DEIDENTIFY, MART, AUDIT, KPI, SITE, MAINTAIN -> 1;
        };
    }

    private static TableSlice whole(TableName table) {
        return TableSlice.whole(table);
    }

    private static TableSlice curated(String dataset) {
        return TableSlice.whole(new TableName(Zone.CURATED, dataset));
    }
}
