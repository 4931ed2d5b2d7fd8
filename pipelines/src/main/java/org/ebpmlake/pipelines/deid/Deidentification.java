package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.ebpmlake.anonymize.risk.ReidentificationRisks;
import org.ebpmlake.anonymize.risk.RiskAnalysis;
import org.ebpmlake.anonymize.risk.RiskThresholds;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.PrivacyTier;

/**
 * Publishes one deid table under its policy in {@code conf/privacy}: the policy's source query shapes the rows
 * from curated tables, the engine (in memory, or on Spark when the rows would not fit; see
 * {@link EngineChoice}) finds the optimal generalization for the policy's models within the suppression limit
 * and applies it, the independent verifier re-checks the result, and suppressed records are left out. The
 * report (model, transformation, suppression, classes, loss, risks, engine) goes to {@code ops.privacy_reports}
 * whatever the outcome, and a table that fails is not written: the deid table keeps what it had.
 */
public final class Deidentification {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final PrivacyPolicy policy;
    private final LocalDate asOf;
    private final Clock clock;

    public Deidentification(SparkSession spark, LakeSettings settings, PrivacyPolicy policy, LocalDate asOf, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public StageOutput publish(String runId) {
        requireNonNull(runId, "runId is null");
        String catalog = settings.catalogName();
        String table = policy.table().in(catalog);
        StructField[] published = spark.table(table).schema().fields();
        // A lake whose departments have delivered nothing yet (a deployment's first run) has nothing to publish; the
        // hierarchies derived from the data's own values would have none either.
        if (spark.sql(policy.sourceSql(catalog, asOf)).isEmpty()) {
            return StageOutput.succeeded(0, 0, policy.publishes() + ": nothing to publish yet (no rows in its source)");
        }
        AnonymizationSpecification specification = policy.specification(this::query);
        Dataset<Row> source = textOf(topCoded(spark.sql(policy.sourceSql(catalog, asOf))), published, specification.engineColumns());
        long rows = checkedRowCount(source, specification.engineColumns());
        EngineChoice choice = EngineChoice.of(settings, rows, source.columns().length, EngineChoice.freeHeapShare(Runtime.getRuntime()));
        Anonymization engine = switch (choice.engine()) {
            case MEMORY -> new MemoryAnonymization(spark, specification);
            case SPARK -> new SparkAnonymization(spark, specification);
        };
        Optional<Release> found = engine.release(source);
        if (found.isEmpty()) {
            report(runId, rows, Optional.empty(), choice, false);
            throw new PrivacyModelViolationException(policy.publishes() + ": no generalization meets " + policy.modelName()
                    + " " + policy.parametersJson() + " within the suppression limit; not published");
        }
        Release release = found.get();
        GeneralizationPlan plan = release.plan();
        ReidentificationRisks risks = risks(release, rows);
        List<String> exceeded = new RiskThresholds(policy.riskThresholds()).exceeded(risks);
        report(runId, rows, found, choice, release.verdict().satisfied() && exceeded.isEmpty());
        if (!release.verdict().satisfied()) {
            throw new PrivacyModelViolationException(policy.publishes() + " fails independent verification: "
                    + release.verdict().violations() + "; not published");
        }
        if (!exceeded.isEmpty()) {
            throw new PrivacyModelViolationException(policy.publishes() + " is above the policy's risk thresholds: "
                    + exceeded + "; not published");
        }
        Column[] typed = Arrays.stream(published).map(field -> col(field.name()).cast(field.dataType()).as(field.name()))
                .toArray(Column[]::new);
        TableWrites.replaceAll(release.published().select(typed), table);
        // The tier travels with the table, so every engine reading it (and the SQL roles) can see what it is.
        spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('" + PrivacyTier.TABLE_PROPERTY + "' = '"
                + policy.tier().code() + "')");
        if (policy.tier() == PrivacyTier.ANONYMISED) {
            PublicStatement.of(policy, DatasetCatalog.load().table(policy.table()).dataset(), plan.transformation().toString(),
                    asOf).writeMarkdown(PublicStatement.fileIn(settings.siteDirectory(), policy.publishes()));
        }
        return StageOutput.succeeded(rows, rows - plan.suppressedRecords(), policy.modelName() + " " + policy.parametersJson()
                + ", " + plan.transformation() + ", " + plan.suppressedRecords() + " suppressed, smallest class "
                + release.verdict().smallestClass() + ", engine " + choice.engine().label());
    }

    /** The source with the policy's top and bottom coding applied (特異な記述の削除), each column keeping its type. */
    private Dataset<Row> topCoded(Dataset<Row> source) {
        Dataset<Row> coded = source;
        for (Map.Entry<String, PrivacyPolicy.TopCoding> entry : policy.topCoding().entrySet()) {
            String column = entry.getKey();
            if (!Arrays.asList(source.columns()).contains(column)) {
                throw new IllegalArgumentException("conf/privacy/" + policy.dataset() + ".yaml: top_coding names '" + column
                        + "', which the source query does not give");
            }
            DataType type = source.schema().apply(column).dataType();
            Column value = col(column);
            if (entry.getValue().top().isPresent()) {
                Column top = lit(entry.getValue().top().get()).cast(type);
                value = when(value.gt(top), top).otherwise(value);
            }
            if (entry.getValue().bottom().isPresent()) {
                Column bottom = lit(entry.getValue().bottom().get()).cast(type);
                value = when(value.lt(bottom), bottom).otherwise(value);
            }
            coded = coded.withColumn(column, value);
        }
        return coded;
    }

    /** The published columns of the source as text, the engine's cells; a published column the source lacks is an error. */
    private Dataset<Row> textOf(Dataset<Row> source, StructField[] published, List<String> engineColumns) {
        List<String> available = Arrays.asList(source.columns());
        List<Column> text = new ArrayList<>();
        for (StructField field : published) {
            if (!available.contains(field.name())) {
                throw new IllegalArgumentException("conf/privacy/" + policy.dataset() + ".yaml: the source query has no column '"
                        + field.name() + "' that " + policy.publishes() + " publishes; it has " + available);
            }
            text.add(col(field.name()).cast("string").as(field.name()));
        }
        for (String column : engineColumns) {
            if (Arrays.stream(published).noneMatch(field -> field.name().equals(column))) {
                throw new IllegalArgumentException("conf/privacy/" + policy.dataset() + ".yaml: '" + column
                        + "' is a quasi-identifier or sensitive column but " + policy.publishes() + " has no such column");
            }
        }
        return source.select(text.toArray(Column[]::new));
    }

    /** The source's rows, counted in the same pass that finds empty quasi-identifiers, which no hierarchy holds. */
    private long checkedRowCount(Dataset<Row> source, List<String> checked) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)));
        for (String column : checked) {
            aggregates.add(count(when(col(column).isNull(), lit(1))));
        }
        Row counts = source.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
        for (int index = 0; index < checked.size(); index++) {
            long empty = counts.getLong(index + 1);
            if (empty > 0) {
                throw new IllegalArgumentException("conf/privacy/" + policy.dataset() + ".yaml: the source query gives "
                        + empty + " rows without " + checked.get(index) + "; give every row a value (e.g. with coalesce)");
            }
        }
        return counts.getLong(0);
    }

    /** Runs a hierarchy's groups query over curated tables, every cell as text. */
    private List<List<String>> query(String sql) {
        return TextRows.of(spark.sql(sql.replace("${curated}", settings.catalogName() + ".curated")));
    }

    /**
     * The release's risks against the policy's population. Without a declared population the source is the whole
     * population (a registry extract): suppression removes whole classes, so every released class holds all of its
     * population and the population's class sizes are known exactly.
     */
    private ReidentificationRisks risks(Release release, long rowsIn) {
        List<Long> classSizes = release.verdict().classSizes();
        RiskAnalysis analysis = new RiskAnalysis(policy.riskThreshold());
        if (policy.population().isEmpty()) {
            return analysis.analyzeAgainstPopulation(classSizes, classSizes, rowsIn);
        }
        long released = classSizes.stream().mapToLong(Long::longValue).sum();
        return analysis.analyze(classSizes, Math.max(policy.population().get().sizeFor(rowsIn), released));
    }

    private void report(String runId, long rowsIn, Optional<Release> release, EngineChoice choice, boolean verified) {
        Optional<GeneralizationPlan> plan = release.map(Release::plan);
        Optional<ReidentificationRisks> risks = release.map(found -> risks(found, rowsIn));
        long suppressed = plan.map(GeneralizationPlan::suppressedRecords).orElse(rowsIn);
        new PrivacyReportTable(spark, settings).append(new PrivacyReportTable.Report(runId, policy.publishes(),
                policy.modelName(), policy.parametersJson(), String.join(",", policy.quasiIdentifiers().keySet()),
                plan.map(found -> found.transformation().toString()).orElse("none"),
                rowsIn, rowsIn - suppressed, suppressed,
                release.map(found -> found.verdict().classes()).orElse(0L),
                release.map(found -> found.verdict().smallestClass()).orElse(0L),
                verified, clock.instant(),
                plan.map(found -> new PrivacyReportTable.Utility(found.informationLoss(), found.discernibility(),
                        found.averageClassSize(), found.optimised().metric().description(), found.optimised().value())),
                risks, plan.map(found -> found.statistics().nodesChecked()),
                choice.engine().label() + " (" + choice.reason() + ")", Optional.of(policy.tier())));
    }
}
