package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.lake.LakeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class FootfallMartPrivacyTest {
    private static final String FIRST_HOUR = "2025-03-01 08:00:00";

    @Test
    void keepsEachDeviceInAtMostTheBoundNumberOfCellsADay(TemporaryLake lake) {
        lake.withTables();
        // 100 cells (10 meshes × 10 hours), each with one light device; one heavy device pings in all of them
        insertPings(lake, "SELECT concat('light', id), " + hour("id % 10") + ", " + latitude("floor(id / 10)") + " FROM range(100)"
                + " UNION ALL SELECT 'heavy', " + hour("id % 10") + ", " + latitude("floor(id / 10)") + " FROM range(100)");
        LakeSettings settings = differentialPrivacy(lake, "2", "100", "5");

        new FootfallMart(lake.spark(), settings, Clock.systemUTC(), budget -> new FixedShiftTestNoise(0)).build("run-bound");

        // only the 5 cells the heavy device was kept in reach 2 devices
        List<Row> hourly = lake.spark().table(lake.table("mart.footfall_hourly")).collectAsList();
        assertThat(hourly).hasSize(5).allSatisfy(row -> assertThat(row.<Long>getAs("visitors")).isEqualTo(2L));
        assertThat(report(lake).<String>getAs("parameters")).contains("\"publication_threshold\":2");
    }

    @Test
    void appliesTheThresholdToTheNoisyCountsAndNamesTheModelInThePrivacyReport(TemporaryLake lake) {
        lake.withTables();
        // 12 devices in the first mesh, 8 in the next one, all at 08:00
        insertPings(lake, "SELECT concat('d', id), " + hour("0") + ", " + latitude("CASE WHEN id < 12 THEN 0 ELSE 1 END") + " FROM range(20)");
        LakeSettings settings = differentialPrivacy(lake, "10", "50", "1");

        new FootfallMart(lake.spark(), settings, Clock.systemUTC(), budget -> new FixedShiftTestNoise(3)).build("run-up");
        assertThat(publishedCounts(lake)).containsExactly(11L, 15L);

        new FootfallMart(lake.spark(), settings, Clock.systemUTC(), budget -> new FixedShiftTestNoise(-3)).build("run-down");
        assertThat(publishedCounts(lake)).isEmpty();

        Row report = lake.spark().table(lake.table("ops.privacy_reports")).where("run_id = 'run-down'").first();
        assertThat(report.<String>getAs("model")).isEqualTo("count threshold + Laplace (ε=50)");
        assertThat(report.<String>getAs("parameters")).contains("\"minimum_count\":10", "\"epsilon\":50", "\"l0_sensitivity\":1",
                "\"publication_threshold\":10");
        assertThat(report.<Boolean>getAs("verified")).isTrue();
    }

    @Test
    void laplaceNoiseMovesCountsButKeepsThemCloseOnAverage(TemporaryLake lake) {
        lake.withTables();
        // 50 cells (5 meshes × 10 hours) of 40 devices each, every device in one cell
        insertPings(lake, "SELECT concat('d', id), " + hour("floor(id / 40) % 10") + ", " + latitude("floor(id / 400)") + " FROM range(2000)");
        // ε = 1 with one cell per device: Laplace scale 1, E|noise| ≈ 0.85, publication threshold 13
        LakeSettings settings = differentialPrivacy(lake, "10", "1", "1");

        new FootfallMart(lake.spark(), settings, Clock.systemUTC()).build("run-laplace");

        List<Long> published = publishedCounts(lake);
        // a cell of 40 drops under 13 only with noise ≤ -28: probability about 1e-12 per cell
        assertThat(published).hasSize(50);
        double meanAbsoluteError = published.stream().mapToLong(count -> Math.abs(count - 40)).average().orElseThrow();
        // 50 draws: the standard error of that mean is about 0.16, so 3 is far out of reach of chance
        assertThat(meanAbsoluteError).isLessThan(3.0);
        // all 50 draws zero has probability 0.46^50, about 1e-17
        assertThat(published).anySatisfy(count -> assertThat(count).isNotEqualTo(40L));
    }

    private static LakeSettings differentialPrivacy(TemporaryLake lake, String minimumCount, String epsilon, String maxCellsPerDevice) {
        return lake.settings()
                .withOption("lake.footfall.minimum-count", minimumCount)
                .withOption(FootfallPrivacyBudget.EPSILON, epsilon)
                .withOption(FootfallPrivacyBudget.DELTA, "0.00001")
                .withOption(FootfallPrivacyBudget.MAX_CELLS_PER_DEVICE, maxCellsPerDevice);
    }

    /** Rows of (device, time, latitude) from a query, completed with the columns the mart does not read. */
    private static void insertPings(TemporaryLake lake, String deviceTimeLatitude) {
        lake.spark().sql("INSERT INTO " + lake.table("curated.gps_pings")
                + " SELECT col1, col2, 2024, col3, 135.50D, 10.0D, 'b' FROM (" + deviceTimeLatitude + ") AS pings(col1, col2, col3)");
    }

    private static String hour(String offset) {
        return "timestamp'" + FIRST_HOUR + "' + make_interval(0, 0, 0, 0, CAST(" + offset + " AS INT), 0, 0)";
    }

    /** A latitude in the index-th half mesh north of 34.60°: half meshes are 15" (about 0.0042°) high. */
    private static String latitude(String index) {
        return "34.60D + 0.01D * " + index;
    }

    private static List<Long> publishedCounts(TemporaryLake lake) {
        return lake.spark().table(lake.table("mart.footfall_hourly")).orderBy("visitors").collectAsList().stream()
                .map(row -> row.<Long>getAs("visitors")).toList();
    }

    private static Row report(TemporaryLake lake) {
        return lake.spark().table(lake.table("ops.privacy_reports")).first();
    }
}
