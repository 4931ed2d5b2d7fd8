package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.reference.JisMeshCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class FootfallMartTest {
    /** Umeda and Namba: two points in different half meshes. */
    private static final double[] UMEDA = {34.7025, 135.4959};
    private static final double[] NAMBA = {34.6662, 135.5011};

    @Test
    void publishesOnlyCountsAtTheThresholdAndTheDwellShareTheKpiUses(TemporaryLake lake) {
        lake.withTables();
        List<String> values = new ArrayList<>();
        // 12 devices at Umeda between 10:00 and 10:30 (a 30-minute stay: strolling)
        for (int device = 0; device < 12; device++) {
            values.add(ping("u" + device, "2025-03-01 10:00:00", UMEDA));
            values.add(ping("u" + device, "2025-03-01 10:30:00", UMEDA));
        }
        // 3 devices at Namba for 5 minutes (passers-by), and 1 commuter for 9 hours
        for (int device = 0; device < 3; device++) {
            values.add(ping("n" + device, "2025-03-01 10:00:00", NAMBA));
            values.add(ping("n" + device, "2025-03-01 10:05:00", NAMBA));
        }
        values.add(ping("c0", "2025-03-01 08:00:00", NAMBA));
        values.add(ping("c0", "2025-03-01 17:00:00", NAMBA));
        lake.spark().sql("INSERT INTO " + lake.table("curated.gps_pings") + " VALUES " + String.join(", ", values));

        new FootfallMart(lake.spark(), lake.settings().withOption("lake.footfall.minimum-count", "10"), Clock.systemUTC()).build("run-test");

        List<Row> hourly = lake.spark().table(lake.table("mart.footfall_hourly")).collectAsList();
        assertThat(hourly).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("mesh_code")).isEqualTo(JisMeshCode.halfMesh(UMEDA[0], UMEDA[1]));
            assertThat(row.<Long>getAs("visitors")).isEqualTo(12L);
        });
        Row dwell = lake.spark().table(lake.table("mart.footfall_dwell_daily")).first();
        assertThat(dwell.<Long>getAs("visitors")).isEqualTo(16L);
        assertThat(dwell.<Long>getAs("visitors_15_to_180")).isEqualTo(12L);
        assertThat(dwell.<Double>getAs("share_15_to_180")).isCloseTo(75.0, within(1e-9));
        // Per half mesh: Umeda's 12 strolling devices are published; Namba's 4 (none strolling) are under the threshold.
        List<Row> cells = lake.spark().table(lake.table("mart.footfall_cells_daily")).collectAsList();
        assertThat(cells).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("mesh_code")).isEqualTo(JisMeshCode.halfMesh(UMEDA[0], UMEDA[1]));
            assertThat(row.<Long>getAs("visitors")).isEqualTo(12L);
            assertThat(row.<Double>getAs("share_15_to_180")).isCloseTo(100.0, within(1e-9));
        });
        Row report = lake.spark().table(lake.table("ops.privacy_reports")).first();
        assertThat(report.<Boolean>getAs("verified")).isTrue();
        assertThat(report.<Long>getAs("smallest_class")).isEqualTo(12L);

        new KpiActualsMart(lake.spark(), lake.settings(), LocalDate.of(2025, 3, 31)).build();
        Row strolling = lake.spark().table(lake.table("mart.kpi_actuals")).where("kpi_id = 'K04-04-1'").first();
        assertThat(strolling.<Integer>getAs("fiscal_year")).isEqualTo(2024);
        assertThat(strolling.<Double>getAs("actual_value")).isCloseTo(75.0, within(1e-9));
    }

    private static String ping(String device, String localTime, double[] point) {
        // columns: device pseudonym, time, fiscal year, latitude, longitude, accuracy, batch
        return "('" + device + "', timestamp'" + localTime + "', 2024, " + point[0] + ", " + point[1] + ", 10.0, 'b')";
    }
}
