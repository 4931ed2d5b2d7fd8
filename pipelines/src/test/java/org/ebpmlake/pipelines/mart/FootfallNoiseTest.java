package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class FootfallNoiseTest {
    private static final int DRAWS = 20_000;

    @Test
    void discreteLaplaceDrawsAreCenteredAndSpreadAsTheirScaleSays() {
        // scale 4: ratio q = exp(-1/4); E|X| = 2q / (1 - q²) ≈ 3.96, P(X = 0) = (1 - q) / (1 + q) ≈ 0.124.
        // The bounds are many standard errors of a 20,000-draw mean wide, so they cannot flake.
        DiscreteLaplaceNoise noise = new DiscreteLaplaceNoise(4, 1);
        long sum = 0;
        long absoluteSum = 0;
        long zeros = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            long value = noise.sample();
            sum += value;
            absoluteSum += Math.abs(value);
            if (value == 0) {
                zeros++;
            }
        }
        assertThat((double) sum / DRAWS).isBetween(-0.4, 0.4);
        assertThat((double) absoluteSum / DRAWS).isBetween(3.5, 4.5);
        assertThat((double) zeros / DRAWS).isBetween(0.10, 0.15);
    }

    @Test
    void aFractionalScaleIsSampledExactlyAsItsFraction() {
        // scale 24 / 5 = 4.8, the scale of 24 cells per device at ε = 5: E|X| = 2q / (1 - q²) ≈ 4.76
        DiscreteLaplaceNoise noise = new DiscreteLaplaceNoise(24, 5);
        long absoluteSum = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            absoluteSum += Math.abs(noise.addTo(100) - 100);
        }
        assertThat((double) absoluteSum / DRAWS).isBetween(4.2, 5.3);
    }

    @Test
    void thePublicationThresholdKeepsDeltaIsTheSmallestThatDoesAndNeverGoesUnderTheMinimumCount() {
        FootfallPrivacyBudget strict = new FootfallPrivacyBudget(BigDecimal.ONE, 1e-5, 24);
        int threshold = strict.publicationThreshold(10);
        assertThat(strict.partitionSelectionDelta(threshold)).isLessThanOrEqualTo(1e-5);
        assertThat(strict.partitionSelectionDelta(threshold - 1)).isGreaterThan(1e-5);
        assertThat(strict.laplaceScale()).isEqualTo(24.0);

        FootfallPrivacyBudget loose = new FootfallPrivacyBudget(new BigDecimal("50"), 1e-3, 1);
        assertThat(loose.publicationThreshold(10)).isEqualTo(10);
        assertThat(loose.model()).isEqualTo("count threshold + Laplace (ε=50)");
        assertThat(loose.parameters(10)).contains("\"epsilon\":50", "\"max_cells_per_device_per_day\":1", "\"publication_threshold\":10");
    }

    @Test
    void rejectsAnEpsilonThatIsNotAPositiveNumber(TemporaryLake lake) {
        assertThat(FootfallPrivacyBudget.from(lake.settings())).isEmpty();
        assertThat(FootfallPrivacyBudget.from(lake.settings().withOption(FootfallPrivacyBudget.EPSILON, "0.5")))
                .hasValueSatisfying(budget -> assertThat(budget.maxCellsPerDevice()).isEqualTo(24));
        for (String epsilon : List.of("0", "-1", "one")) {
            assertThatThrownBy(() -> FootfallPrivacyBudget.from(lake.settings().withOption(FootfallPrivacyBudget.EPSILON, epsilon)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(FootfallPrivacyBudget.EPSILON);
        }
    }

    @Test
    void noiseIsDrawnOnceSoEveryActionSeesTheSameNoisyCounts(TemporaryLake lake) {
        Dataset<Row> cells = lake.spark().range(200).selectExpr("id AS cell", "1000L AS visitors");
        Dataset<Row> noisy = new FootfallNoise(new DiscreteLaplaceNoise(10, 1)).addTo(cells, "visitors");
        List<Row> first = noisy.orderBy("cell").collectAsList();
        List<Row> second = noisy.orderBy("cell").collectAsList();
        assertThat(second).isEqualTo(first);
        // with scale 10, 200 draws that are all zero have probability under 1e-170
        assertThat(first).anySatisfy(row -> assertThat(row.<Long>getAs("visitors")).isNotEqualTo(1000L));
    }
}
