package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.AnomalyCheckConfig;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.NumMatches;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.MetricsRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.VolumeCheck;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * A scheduled dataset's volume check, as a Deequ anomaly check ({@link RelativeRateOfChangeStrategy} in both
 * directions) on the batch's rows read, against the history of its promoted batches in the metrics repository.
 */
final class VolumeAnomaly {
    /** The rows a batch delivered, accepted or quarantined. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Analyzer<?, Metric<?>> ROWS_READ = (Analyzer) new Size(Option.empty());

    /** The same analyzer, typed as Deequ's anomaly checks want it (a state and a metric of doubles). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Analyzer<NumMatches, Metric<Object>> ROWS_READ_FOR_ANOMALY = (Analyzer) ROWS_READ;

    private final VolumeCheck check;

    VolumeAnomaly(VolumeCheck check) {
        this.check = requireNonNull(check, "check is null");
    }

    String name() {
        return String.format("volume(rows read within x%s of the previous promoted batch)", format(check.maxChangeFactor()));
    }

    RelativeRateOfChangeStrategy strategy() {
        return new RelativeRateOfChangeStrategy(Option.<Object>apply(check.minRatio()),
                Option.<Object>apply(check.maxChangeFactor()), 1);
    }

    /** The anomaly check's settings: its level and name, the dataset's results, delivered no later than this batch. */
    AnomalyCheckConfig config(BatchRecord batch) {
        return new AnomalyCheckConfig(DeclaredCheck.deequLevel(check.level()), name(),
                JavaConverters.mapAsScalaMap(Map.of(IcebergMetricsRepository.DATASET, batch.dataset())).toMap(scala.Predef.$conforms()),
                Option.empty(), Option.<Object>apply(batch.deliveredAt().toEpochMilli()));
    }

    /** The rows read of the newest promoted batch delivered before this one; empty when there is none yet. */
    static Optional<Double> previous(MetricsRepository history, BatchRecord batch) {
        List<AnalysisResult> results = JavaConverters.seqAsJavaList(history.load()
                .withTagValues(JavaConverters.mapAsScalaMap(Map.of(IcebergMetricsRepository.DATASET, batch.dataset()))
                        .toMap(scala.Predef.$conforms()))
                .forAnalyzers(JavaConverters.asScalaBuffer(List.<Analyzer<?, Metric<?>>>of(ROWS_READ)).toSeq())
                .before(batch.deliveredAt().toEpochMilli())
                .get());
        Optional<AnalysisResult> newest = results.stream()
                .max(java.util.Comparator.comparingLong(result -> result.resultKey().dataSetDate()));
        if (newest.isEmpty() || newest.get().analyzerContext().metricMap().get(ROWS_READ).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(((Number) newest.get().analyzerContext().metricMap().get(ROWS_READ).get().value().get()).doubleValue());
    }

    CheckFinding firstBatch(long rowsRead) {
        return new CheckFinding(name(), check.level(), true, new LocalizedText(
                String.format("比較できる昇格済みのバッチがまだありません（今回 %,d 行）", rowsRead),
                String.format("no promoted batch to compare with yet (%,d rows this time)", rowsRead)));
    }

    LocalizedText explain(long rowsRead, double previous) {
        String ratio = format(rowsRead / Math.max(1, previous));
        return new LocalizedText(
                String.format("行数 %,d は前回昇格したバッチ（%,.0f 行）の %s 倍です（許容 %s〜%s 倍）", rowsRead, previous, ratio,
                        format(check.minRatio()), format(check.maxChangeFactor())),
                String.format("%,d rows is x%s the previous promoted batch (%,.0f rows); allowed x%s to x%s", rowsRead, ratio,
                        previous, format(check.minRatio()), format(check.maxChangeFactor())));
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
