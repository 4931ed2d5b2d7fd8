package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
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

/**
 * {@code ops.quality_metrics}: the metrics history, one row per run, dataset and metric, kept in the lake so it
 * can be queried like any table and so anomaly checks compare a batch with the batches promoted before it.
 */
public final class QualityMetricsTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "quality_metrics");

    private final SparkSession spark;
    private final LakeSettings settings;

    public QualityMetricsTable(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    void append(String runId, String dataset, Optional<String> batchId, Instant measuredAt, List<MetricValue> metrics,
            boolean promoted) {
        String table = TABLE.in(settings.catalogName());
        List<Row> rows = metrics.stream().map(metric -> RowFactory.create(runId, dataset, batchId.orElse(null),
                Timestamp.from(measuredAt), metric.metric(), metric.instance(), metric.value(), promoted)).toList();
        TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
    }

    /** The values a metric had in the runs that promoted the dataset, oldest first. */
    List<Double> promotedHistory(String dataset, String metric, String instance) {
        return spark.table(TABLE.in(settings.catalogName()))
                .where(col("dataset").equalTo(dataset).and(col("metric").equalTo(metric))
                        .and(col("instance").equalTo(instance)).and(col("promoted")))
                .orderBy(col("measured_at"))
                .select(col("value")).collectAsList().stream()
                .map(row -> row.getDouble(0))
                .toList();
    }
}
