package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.AnalysisResultSerde;
import com.amazon.deequ.repository.MetricsRepository;
import com.amazon.deequ.repository.MetricsRepositoryMultipleResultsLoader;
import com.amazon.deequ.repository.ResultKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * Deequ's {@link MetricsRepository} backed by the Iceberg table {@code ops.quality_metrics}: one row per metric
 * of a result, readable in SQL like any table, the first row of each result also carrying the whole result in
 * Deequ's own JSON ({@link AnalysisResultSerde}) so Deequ reads it back as it wrote it. Deequ's own Spark-table
 * repository was not used: it prints the table's schema on every load and compares timestamps as text.
 *
 * <p>The result key's tags say what was measured: {@link #DATASET}, {@link #BATCH} (or {@link #SCOPE} for totals),
 * {@link #RUN} and {@link #VERDICT}; they fill the table's columns of the same meaning.
 */
public final class IcebergMetricsRepository implements MetricsRepository {
    public static final TableName TABLE = new TableName(Zone.OPS, "quality_metrics");
    static final String DATASET = "dataset";
    static final String BATCH = "batch_id";
    static final String RUN = "run_id";
    static final String VERDICT = "verdict";
    static final String SCOPE = "scope";
    static final String PASSED = "passed";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;

    public IcebergMetricsRepository(SparkSession spark, LakeSettings settings, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void save(ResultKey resultKey, AnalyzerContext analyzerContext) {
        requireNonNull(resultKey, "resultKey is null");
        AnalyzerContext successful = new AnalyzerContext((scala.collection.immutable.Map<Analyzer<?, Metric<?>>, Metric<?>>) analyzerContext.metricMap().filter(
                new AbstractFunction1<scala.Tuple2<Analyzer<?, Metric<?>>, Metric<?>>, Object>() {
                    @Override
                    public Object apply(scala.Tuple2<Analyzer<?, Metric<?>>, Metric<?>> entry) {
                        return entry._2().value().isSuccess();
                    }
                }));
        if (successful.metricMap().isEmpty()) {
            return;
        }
        // Deequ cannot serialise a failed metric (it has no value), which is why only successful ones are kept.
        String json = AnalysisResultSerde.serialize(JavaConverters.asScalaBuffer(
                List.of(new AnalysisResult(resultKey, successful))).toSeq());
        Map<String, String> tags = JavaConverters.mapAsJavaMap(resultKey.tags());
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Analyzer<?, Metric<?>>, Metric<?>> entry : JavaConverters.mapAsJavaMap(successful.metricMap()).entrySet()) {
            if (!(entry.getValue() instanceof DoubleMetric metric)) {
                continue;
            }
            // The whole result is kept once, on its first row; the other rows carry their own metric only.
            String result = null;
            if (rows.isEmpty()) {
                result = json;
            }
            rows.add(RowFactory.create(tags.getOrDefault(RUN, "-"), tags.getOrDefault(DATASET, "-"), tags.get(BATCH), now,
                    metric.name(), metric.instance(), ((Number) metric.value().get()).doubleValue(),
                    PASSED.equals(tags.get(VERDICT)) || tags.containsKey(SCOPE), entry.getKey().toString(),
                    resultKey.dataSetDate(), result));
        }
        String table = TABLE.in(settings.catalogName());
        TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
    }

    @Override
    public scala.Option<AnalyzerContext> loadByKey(ResultKey resultKey) {
        requireNonNull(resultKey, "resultKey is null");
        return scala.Option.apply(results(Optional.empty(), Optional.of(resultKey.dataSetDate()), Optional.of(resultKey.dataSetDate()))
                .stream().filter(result -> result.resultKey().equals(resultKey))
                .map(AnalysisResult::analyzerContext).findFirst().orElse(null));
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader load() {
        return new IcebergResultsLoader(this, Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The stored results of a dataset (or of every dataset), with result times within the bounds (both
     * included, as Deequ's in-memory repository does), oldest first.
     */
    List<AnalysisResult> results(Optional<String> dataset, Optional<Long> after, Optional<Long> before) {
        org.apache.spark.sql.Dataset<Row> rows = spark.table(TABLE.in(settings.catalogName())).where(col("analysis_result").isNotNull());
        if (dataset.isPresent()) {
            rows = rows.where(col("dataset").equalTo(dataset.get()));
        }
        if (after.isPresent()) {
            rows = rows.where(col("result_time").geq(after.get()));
        }
        if (before.isPresent()) {
            rows = rows.where(col("result_time").leq(before.get()));
        }
        List<AnalysisResult> results = new ArrayList<>();
        for (Row row : rows.select(col("result_time"), col("analysis_result")).distinct().orderBy(col("result_time")).collectAsList()) {
            results.addAll(JavaConverters.seqAsJavaList(AnalysisResultSerde.deserialize(row.getString(1))));
        }
        return results;
    }
}
