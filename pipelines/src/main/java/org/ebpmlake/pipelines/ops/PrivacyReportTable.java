package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.risk.ReidentificationRisks;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** {@code ops.privacy_reports}: one row per published (or refused) table and run; the only code that knows its layout. */
public final class PrivacyReportTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "privacy_reports");

    private final SparkSession spark;
    private final LakeSettings settings;

    public PrivacyReportTable(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** What a de-identification step claims and what its independent check found. */
    public record Report(String runId, String tableName, String model, String parameters, String quasiIdentifiers,
            String transformation, long rowsIn, long rowsOut, long suppressedRows, long equivalenceClasses,
            long smallestClass, boolean verified, Instant reportedAt, Optional<Utility> utility,
            Optional<ReidentificationRisks> risks, Optional<Long> nodesChecked, String engine, Optional<PrivacyTier> tier) {
        public Report {
            requireNonNull(runId, "runId is null");
            requireNonNull(tableName, "tableName is null");
            requireNonNull(model, "model is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(quasiIdentifiers, "quasiIdentifiers is null");
            requireNonNull(transformation, "transformation is null");
            requireNonNull(reportedAt, "reportedAt is null");
            requireNonNull(utility, "utility is null");
            requireNonNull(risks, "risks is null");
            requireNonNull(nodesChecked, "nodesChecked is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(tier, "tier is null");
        }

        /** The report of an aggregation Spark computes: no generalization, so no utility, class risks or search. */
        public static Report ofAggregate(String runId, String tableName, String model, String parameters,
                String dimensions, String aggregation, long cellsIn, long cellsOut, long smallestCell, boolean verified,
                Instant reportedAt) {
            return new Report(runId, tableName, model, parameters, dimensions, aggregation, cellsIn, cellsOut,
                    cellsIn - cellsOut, cellsOut, smallestCell, verified, reportedAt, Optional.empty(), Optional.empty(),
                    Optional.empty(), "spark aggregation", Optional.empty());
        }
    }

    /**
     * What the generalization cost: ARX's Loss, discernibility (Σ class size² + suppressed × records), the
     * average size of the published classes, and the metric the search minimised with its value.
     *
     * @param optimisedMetric e.g. {@code precision(gs=0.5, arithmetic_mean, weights {age_band=1.0})}
     */
    public record Utility(double informationLoss, double discernibility, double averageClassSize, String optimisedMetric,
            double optimisedValue) {
        public Utility {
            requireNonNull(optimisedMetric, "optimisedMetric is null");
        }
    }

    public void append(Report report) {
        appendAll(List.of(requireNonNull(report, "report is null")));
    }

    /** Several reports in one commit (the education marts report five tables at once). */
    public void appendAll(List<Report> reports) {
        requireNonNull(reports, "reports is null");
        List<Row> rows = reports.stream().map(PrivacyReportTable::row).toList();
        String table = TABLE.in(settings.catalogName());
        TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
    }

    private static Row row(Report report) {
        Optional<Utility> utility = report.utility();
        Optional<ReidentificationRisks> risks = report.risks();
        Row row = RowFactory.create(report.runId(), report.tableName(), report.model(), report.parameters(),
                report.quasiIdentifiers(), report.transformation(), report.rowsIn(), report.rowsOut(), report.suppressedRows(),
                report.equivalenceClasses(), report.smallestClass(), report.verified(), report.reportedAt(),
                utility.map(Utility::informationLoss).orElse(null),
                risks.map(found -> found.prosecutor().highest()).orElse(null),
                risks.map(found -> found.prosecutor().average()).orElse(null),
                risks.map(found -> found.prosecutor().recordsAboveThreshold()).orElse(null),
                report.nodesChecked().orElse(null), report.engine(),
                utility.map(Utility::discernibility).orElse(null),
                utility.map(Utility::averageClassSize).orElse(null),
                risks.map(found -> found.journalist().highest()).orElse(null),
                risks.map(found -> found.journalist().average()).orElse(null),
                risks.map(ReidentificationRisks::marketer).orElse(null),
                report.tier().map(PrivacyTier::code).orElse(null),
                risks.map(ReidentificationRisks::populationSize).orElse(null),
                risks.map(found -> found.populationUniqueness().dankar()).orElse(null),
                risks.map(found -> found.populationUniqueness().dankarModel().name()).orElse(null),
                utility.map(Utility::optimisedMetric).orElse(null),
                utility.map(Utility::optimisedValue).orElse(null));
        return row;
    }
}
