package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.QualityLevel;

/**
 * The gate's verdicts as {@code ops.quality_results} recorded them, for promotion to read. Promotion and the gate may
 * be separate processes (separate Airflow tasks), so the verdict travels through the lake, like everything else.
 */
public final class RecordedVerdicts {
    private final SparkSession spark;
    private final LakeSettings settings;

    public RecordedVerdicts(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The failed error-level checks of the dataset's latest gate, if that gate blocked; empty if it passed or none ran. */
    public Optional<String> latestBlock(String dataset) {
        requireNonNull(dataset, "dataset is null");
        Dataset<Row> results = spark.table(QualityResultsTable.TABLE.in(settings.catalogName())).where(col("dataset").equalTo(dataset));
        Row latest = results.agg(max(col("checked_at"))).first();
        if (latest.isNullAt(0)) {
            return Optional.empty();
        }
        List<Row> failures = results.where(col("checked_at").equalTo(latest.get(0))
                        .and(col("check_level").equalTo(QualityLevel.ERROR.label()))
                        .and(col("status").equalTo("failure")))
                .select(col("check_name")).collectAsList();
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", failures.stream().map(row -> row.getString(0)).toList()));
    }
}
