package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
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
            long smallestClass, boolean verified, Instant reportedAt, Optional<Double> informationLoss,
            Optional<Double> highestProsecutorRisk, Optional<Double> averageProsecutorRisk,
            Optional<Double> recordsAboveRiskThreshold, Optional<Long> nodesChecked, String engine) {
        public Report {
            requireNonNull(runId, "runId is null");
            requireNonNull(tableName, "tableName is null");
            requireNonNull(model, "model is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(quasiIdentifiers, "quasiIdentifiers is null");
            requireNonNull(transformation, "transformation is null");
            requireNonNull(reportedAt, "reportedAt is null");
            requireNonNull(informationLoss, "informationLoss is null");
            requireNonNull(highestProsecutorRisk, "highestProsecutorRisk is null");
            requireNonNull(averageProsecutorRisk, "averageProsecutorRisk is null");
            requireNonNull(recordsAboveRiskThreshold, "recordsAboveRiskThreshold is null");
            requireNonNull(nodesChecked, "nodesChecked is null");
            requireNonNull(engine, "engine is null");
        }

        /** A report of an aggregation Spark computes, with no engine choice to record. */
        public Report(String runId, String tableName, String model, String parameters, String quasiIdentifiers,
                String transformation, long rowsIn, long rowsOut, long suppressedRows, long equivalenceClasses,
                long smallestClass, boolean verified, Instant reportedAt, Optional<Double> informationLoss,
                Optional<Double> highestProsecutorRisk, Optional<Double> averageProsecutorRisk,
                Optional<Double> recordsAboveRiskThreshold, Optional<Long> nodesChecked) {
            this(runId, tableName, model, parameters, quasiIdentifiers, transformation, rowsIn, rowsOut, suppressedRows,
                    equivalenceClasses, smallestClass, verified, reportedAt, informationLoss, highestProsecutorRisk,
                    averageProsecutorRisk, recordsAboveRiskThreshold, nodesChecked, "spark aggregation");
        }
    }

    public void append(Report report) {
        requireNonNull(report, "report is null");
        Row row = RowFactory.create(report.runId(), report.tableName(), report.model(), report.parameters(),
                report.quasiIdentifiers(), report.transformation(), report.rowsIn(), report.rowsOut(), report.suppressedRows(),
                report.equivalenceClasses(), report.smallestClass(), report.verified(), report.reportedAt(),
                report.informationLoss().orElse(null), report.highestProsecutorRisk().orElse(null),
                report.averageProsecutorRisk().orElse(null), report.recordsAboveRiskThreshold().orElse(null),
                report.nodesChecked().orElse(null), report.engine());
        String table = TABLE.in(settings.catalogName());
        TableWrites.append(spark.createDataFrame(List.of(row), spark.table(table).schema()), table);
    }
}
