package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.RelativeRateOfChangeStrategy;
import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.schemas.VolumeCheck;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * A declared volume check, decided by Deequ's {@link RelativeRateOfChangeStrategy}: the newest batch's row count
 * against the batch sizes of the runs that promoted the dataset before.
 */
final class VolumeAnomaly {
    private final VolumeCheck check;

    VolumeAnomaly(VolumeCheck check) {
        this.check = requireNonNull(check, "check is null");
    }

    CheckFinding assess(List<Double> history, long batchSize) {
        requireNonNull(history, "history is null");
        String name = "volume(batch rows >= " + check.minRatioToPrevious() + " x previous)";
        if (history.isEmpty()) {
            return new CheckFinding(name, check.level(), true, "no history yet; batch of " + batchSize + " rows");
        }
        List<DataPoint<Object>> points = new ArrayList<>();
        for (int index = 0; index < history.size(); index++) {
            points.add(new DataPoint<>(index, Option.<Object>apply(history.get(index))));
        }
        DataPoint<Object> newest = new DataPoint<>(history.size(), Option.<Object>apply((double) batchSize));
        RelativeRateOfChangeStrategy strategy = new RelativeRateOfChangeStrategy(
                Option.<Object>apply(check.minRatioToPrevious()), Option.empty(), 1);
        boolean anomalous = !new AnomalyDetector(strategy)
                .isNewPointAnomalous(JavaConverters.asScalaBuffer(points).toSeq(), newest).anomalies().isEmpty();
        double previous = history.get(history.size() - 1);
        return new CheckFinding(name, check.level(), !anomalous,
                String.format("batch of %d rows against %.0f in the previous promoted batch", batchSize, previous));
    }
}
