package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.dashboards.KpiSite;
import org.ebpmlake.dashboards.StatementPages;
import org.ebpmlake.dashboards.StaticSite;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.pipelines.deid.PublicStatement;
import org.ebpmlake.pipelines.evaluation.EvaluationDeclarations;
import org.ebpmlake.pipelines.graph.LakePipeline;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.graph.TableSlice;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.run.EmbeddedRunner;
import org.ebpmlake.pipelines.run.LakeTaskWorks;
import org.ebpmlake.pipelines.run.RunPlan;
import org.ebpmlake.pipelines.run.RunReport;
import org.ebpmlake.pipelines.run.TaskObserver;
import org.ebpmlake.pipelines.run.TaskWork;
import org.ebpmlake.pipelines.sources.Inbox;
import org.ebpmlake.pipelines.sources.SampleDeliveries;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.audit.QueryLogCollector;
import org.ebpmlake.sql.trino.TrinoSettings;

/**
 * {@code ./lake run}: picks the tasks of the pipeline definition ({@link LakePipeline}) to run and hands them to the
 * embedded runner, with the two pieces of work the pipelines module cannot reach itself (the site, the audit log). In
 * the local environment the sample deliveries are ingested before whatever waits in the inbox. The definition's last task
 * maintains the lake (snapshot retention, compaction, orphan files). A whole run ends with every table's row count; a re-run over the same inputs adds no row to any data table.
 */
public final class LakeRun {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final PseudonymKey key;
    private final Progress progress;
    private final Clock clock;

    public LakeRun(SparkSession spark, LakeSettings settings, PseudonymKey key, Progress progress, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.key = requireNonNull(key, "key is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every task, refusing at once if another run holds the lake. */
    public RunSummary run() {
        return run(TaskChoice.everything(), Optional.empty(), Duration.ZERO);
    }

    RunSummary run(TaskChoice choice, Optional<String> givenRunId, Duration lockWait) {
        return run(choice, givenRunId, lockWait, TaskObserver.none());
    }

    RunSummary run(TaskChoice choice, Optional<String> givenRunId, Duration lockWait, TaskObserver observer) {
        requireNonNull(choice, "choice is null");
        requireNonNull(givenRunId, "givenRunId is null");
        requireNonNull(lockWait, "lockWait is null");
        DatasetCatalog datasets = DatasetCatalog.load();
        List<PrivacyPolicy> policies = policies(settings);
        PipelineDefinition definition = LakePipeline.define(datasets, policies, EvaluationDeclarations.of(settings).all());
        List<PipelineTask> tasks = choice.select(definition);
        String runId = givenRunId.orElseGet(() -> newRunId("run", clock));
        LocalDate asOf = LocalDate.parse(settings.option("lake.as-of-date").orElse("2025-03-31"));

        Inbox inbox = Inbox.of(settings, clock);
        inbox.createFolders(datasets.datasets().stream().filter(dataset -> dataset.isSource())
                .map(DatasetDeclaration::name).toList());
        Optional<SampleDeliveries> samples = Optional.empty();
        if (settings.option("lake.sample.deliveries").orElse("off").equals("on")) {
            samples = Optional.of(new SampleDeliveries(new SampleSources(settings.intOption("lake.sample.seed", 20250331),
                    sampleScale(settings), asOf), settings.sourcesDirectory().resolve("sample")));
        }
        Path page = settings.siteDirectory().resolve(KpiSite.INDEX);
        LakeTaskWorks works = new LakeTaskWorks(spark, settings, key, clock, policies, inbox, samples, auditLog(), site(asOf, policies));
        Duration retryDelay = Duration.ofSeconds(settings.intOption("lake.pipeline.retry-delay-seconds", 60));
        RunReport report = new EmbeddedRunner(spark, settings, progress, clock, observer)
                .run(new RunPlan(runId, definition, tasks, samples, lockWait, retryDelay), works);

        List<TableCount> counts = tablesToCount(choice, datasets, tasks).stream()
                .map(table -> new TableCount(table.toString(), spark.table(table.in(settings.catalogName())).count()))
                .toList();
        boolean siteWritten = report.result(LakePipeline.SITE).map(result -> result.outcome() == Outcome.SUCCEEDED).orElse(false);
        return new RunSummary(runId, works.ingestions(), counts, siteWritten ? Optional.of(page) : Optional.empty(), report);
    }

    /**
     * The pipeline of these settings: the declared datasets, the privacy policies of {@code lake.privacy.policies} and
     * the evaluations of {@code lake.evaluations}.
     */
    static PipelineDefinition definition(LakeSettings settings) {
        return LakePipeline.define(DatasetCatalog.load(), policies(settings), EvaluationDeclarations.of(settings).all());
    }

    private static List<PrivacyPolicy> policies(LakeSettings settings) {
        return PrivacyPolicy.loadAll(Path.of(settings.option("lake.privacy.policies").orElseThrow()));
    }

    /** Every table after a whole run; after a partial one, only the tables its tasks write (a task under Airflow stays short). */
    private static Collection<TableName> tablesToCount(TaskChoice choice, DatasetCatalog datasets, List<PipelineTask> tasks) {
        if (choice.whole()) {
            return datasets.tables().stream().map(table -> table.name()).toList();
        }
        return tasks.stream().flatMap(task -> task.writes().stream()).map(TableSlice::table).distinct().toList();
    }

    private TaskWork site(LocalDate asOf, List<PrivacyPolicy> policies) {
        return steps -> steps.step(KpiSite.INDEX, () -> {
            StaticSite.Written site = new StaticSite(spark, settings).write(asOf);
            // The statements the law requires for every anonymised table created (issue 17).
            new StatementPages(settings.siteDirectory()).write(PublicStatement.ofPublished(spark, settings, policies, asOf).stream()
                    .map(statement -> new StatementPages.Statement(statement.title(), statement.createdBy(), statement.createdOn(),
                            statement.table(), statement.items(), statement.processing())).toList());
            return StageOutput.succeeded(0, site.pages().size(), site.pages().size() + " pages, " + site.bytes() / 1024 + " KiB ("
                    + String.join(", ", site.timings()) + ")");
        });
    }

    /** Collects what Trino's audit listener spooled since the last run; nothing to do while Trino has never run. */
    private TaskWork auditLog() {
        // lake.services.directory is absolute (the settings loader resolves it), so the project folder is not needed here.
        TrinoSettings trino = TrinoSettings.from(settings, Path.of(""));
        return steps -> steps.step(QueryLogCollector.TABLE.toString(), () -> {
            Path spool = trino.auditSpool();
            if (!Files.exists(spool)) {
                return new StageOutput(0, 0, Outcome.SKIPPED, "no audit events spooled (" + spool + ")");
            }
            long events = new QueryLogCollector(spark, settings, SqlUsers.readOrCreateLocal(trino.usersFile())).collect(spool);
            long rows = spark.table(QueryLogCollector.TABLE.in(settings.catalogName())).count();
            return StageOutput.succeeded(events, rows, events + " audit events read");
        });
    }

    /** A run id for {@code ops.runs} and the stored results: the kind of run, the UTC time and a random suffix. */
    static String newRunId(String kind, Clock clock) {
        return kind + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atOffset(ZoneOffset.UTC))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The scale of the sample sources, {@code lake.sample.scale} (tiny, small or city; small by default). */
    public static Scale sampleScale(LakeSettings settings) {
        return Scale.valueOf(settings.option("lake.sample.scale").orElse("small").trim().toUpperCase(java.util.Locale.ROOT));
    }
}
