package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** {@code ops.quality_results}: every check of every batch (and every freshness check), with its level, status and why. */
public final class QualityResultsTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "quality_results");

    private final SparkSession spark;
    private final LakeSettings settings;

    public QualityResultsTable(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The findings of one batch, or of the dataset as a whole (the freshness check) when the batch is empty. */
    record Result(Optional<String> batchId, List<CheckFinding> findings) {
        Result {
            requireNonNull(batchId, "batchId is null");
            findings = List.copyOf(requireNonNull(findings, "findings is null"));
        }
    }

    /** Appends the results of one check of a dataset in one commit. */
    void append(String runId, String dataset, Instant checkedAt, List<Result> results) {
        String table = TABLE.in(settings.catalogName());
        List<Row> rows = new ArrayList<>();
        for (Result result : results) {
            for (CheckFinding finding : result.findings()) {
                rows.add(RowFactory.create(runId, dataset, result.batchId().orElse(null), checkedAt, finding.level().label(),
                        finding.checkName(), finding.status(), finding.explanation().en(), finding.explanation().ja()));
            }
        }
        if (!rows.isEmpty()) {
            TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
        }
    }
}
