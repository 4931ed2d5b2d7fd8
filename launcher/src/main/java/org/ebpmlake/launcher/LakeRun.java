package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.dashboards.KpiSite;
import org.ebpmlake.dashboards.StatementPages;
import org.ebpmlake.dashboards.StaticSite;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.pipelines.deid.PublicStatement;
import org.ebpmlake.pipelines.deid.Deidentification;
import org.ebpmlake.pipelines.maintenance.LakeMaintenance;
import org.ebpmlake.pipelines.mart.FootfallMart;
import org.ebpmlake.pipelines.mart.KpiActualsMart;
import org.ebpmlake.pipelines.mart.KpiProgressMart;
import org.ebpmlake.pipelines.mart.KpiReportingMart;
import org.ebpmlake.pipelines.mart.education.EarlyWarningSignals;
import org.ebpmlake.pipelines.mart.education.EducationMarts;
import org.ebpmlake.pipelines.mart.education.EducationTables;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.pipelines.ops.RunLog;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.ops.StageRunner;
import org.ebpmlake.pipelines.quality.QualityGate;
import org.ebpmlake.pipelines.quality.QualityResultsTable;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;

/**
 * The whole path once, on the configured lake: sample sources → raw → quality gate → curated → deid → mart → dashboard,
 * then maintenance (snapshot retention, compaction, orphan files).
 * Every stage hands its result to the next through an Iceberg table and is recorded in {@code ops.runs}.
 * Re-running over the same sources adds no row to any data table.
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

    public RunSummary run() {
        Instant runStarted = clock.instant();
        DatasetCatalog datasets = DatasetCatalog.load();
        LocalDate asOf = LocalDate.parse(settings.option("lake.as-of-date").orElse("2025-03-31"));
        List<ZoneTable> created = new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(datasets);
        String runId = "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atOffset(ZoneOffset.UTC))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        StageRunner stages = new StageRunner(runId, new RunLog(spark, settings), progress, clock);
        stages.run("setup", "-", () -> StageOutput.succeeded(0, created.size(), created.size() + " tables created"));

        SampleSources samples = new SampleSources(settings.intOption("lake.sample.seed", 20250331), sampleScale(settings), asOf);
        Path sampleDirectory = settings.sourcesDirectory().resolve("sample");
        List<SourceFile> files = new ArrayList<>();
        stages.run("sources", sampleDirectory.toString(), () -> {
            files.addAll(samples.writeTo(sampleDirectory));
            return StageOutput.succeeded(0, files.size(), files.size() + " files");
        });

        RawIngestion ingestion = new RawIngestion(spark, settings, datasets, clock);
        List<IngestionResult> ingestions = new ArrayList<>();
        Set<String> sourceDatasets = new LinkedHashSet<>();
        for (SourceFile file : files) {
            sourceDatasets.add(file.dataset());
            stages.run("raw", new TableName(Zone.RAW, file.dataset()).toString(), () -> {
                IngestionResult result = ingestion.ingest(file.dataset(), file.path(), asOf);
                ingestions.add(result);
                return new StageOutput(result.rowsRead(), result.rowsAccepted(),
                        result.alreadyIngested() ? Outcome.SKIPPED : Outcome.SUCCEEDED, result.conservation());
            });
        }

        CuratedPromotion promotion = new CuratedPromotion(spark, settings, datasets, new KeyedPseudonymizer(key));
        QualityGate gate = new QualityGate(spark, settings, datasets, clock);
        for (String dataset : sourceDatasets) {
            stages.run("quality", QualityResultsTable.TABLE + " " + dataset, () -> gate.check(dataset, runId).stageOutput());
            // Promotion takes only the batches the gate admitted: a blocked batch stays out, the rest go on.
            stages.run("curated", new TableName(Zone.CURATED, dataset).toString(), () -> promotion.promote(dataset));
        }
        stages.run("curated", KpiCatalogLoad.TABLE.toString(), () -> new KpiCatalogLoad(spark, settings).load());

        List<PrivacyPolicy> policies = PrivacyPolicy.loadAll(Path.of(settings.option("lake.privacy.policies").orElseThrow()));
        for (PrivacyPolicy policy : policies) {
            Deidentification deid = new Deidentification(spark, settings, policy, asOf, clock);
            stages.run("deid", policy.publishes(), () -> deid.publish(runId));
        }

        stages.run("mart", FootfallMart.HOURLY.toString(), () -> new FootfallMart(spark, settings, clock).build(runId));
        stages.run("mart", KpiActualsMart.TABLE.toString(), () -> new KpiActualsMart(spark, settings, asOf).build());
        stages.run("mart", KpiProgressMart.TABLE.toString(), () -> new KpiProgressMart(spark, settings, asOf).build());

        stages.run("mart", KpiReportingMart.REPORTING.toString(), () -> new KpiReportingMart(spark, settings, asOf).build());
        stages.run("mart", "mart.education_*", () -> new EducationMarts(spark, settings, asOf, clock).build(runId));
        stages.run("curated", EducationTables.EARLY_WARNING.toString(), () -> new EarlyWarningSignals(spark, settings, asOf).build());

        Path[] page = new Path[1];
        stages.run("dashboard", KpiSite.INDEX, () -> {
            StaticSite.Written site = new StaticSite(spark, settings).write(asOf);
            page[0] = site.index();
            // The statements the law requires for every anonymised table created (issue 17).
            new StatementPages(settings.siteDirectory()).write(PublicStatement.ofPublished(spark, settings, policies, asOf).stream()
                    .map(statement -> new StatementPages.Statement(statement.title(), statement.createdBy(), statement.createdOn(),
                            statement.table(), statement.items(), statement.processing())).toList());
            return StageOutput.succeeded(0, site.pages().size(), site.pages().size() + " pages, " + site.bytes() / 1024 + " KiB ("
                    + String.join(", ", site.timings()) + ")");
        });

        // Last: superseded releases become unreachable, small files are merged, a killed write's leftovers go.
        stages.run("maintain", "-", () -> LakeMaintenance.summary(
                new LakeMaintenance(spark, settings, clock).maintainAfterRun(datasets, runStarted)));

        List<TableCount> counts = datasets.tables().stream()
                .map(table -> new TableCount(table.name().toString(), spark.table(table.name().in(settings.catalogName())).count()))
                .toList();
        return new RunSummary(runId, ingestions, counts, page[0]);
    }

    /** The scale of the sample sources, {@code lake.sample.scale} (tiny, small or city; small by default). */
    public static Scale sampleScale(LakeSettings settings) {
        return Scale.valueOf(settings.option("lake.sample.scale").orElse("small").trim().toUpperCase(java.util.Locale.ROOT));
    }
}
