package org.ebpmlake.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class QualityPageTest {
    @Test
    void showsEachDatasetsLatestStatusItsFailingChecksAndTheRowCountTrend(TemporaryLake lake) throws IOException {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("ops.quality_results") + " VALUES"
                + " ('run-1', 'students', 'b1', TIMESTAMP '2025-04-01 09:00:00', 'error', 'range(grade 1.0..9.0)', 'failure', 'Compliance 0.75'),"
                + " ('run-2', 'students', 'b2', TIMESTAMP '2025-04-02 09:00:00', 'error', 'range(grade 1.0..9.0)', 'success', ''),"
                + " ('run-2', 'gps_pings', 'b2', TIMESTAMP '2025-04-02 09:00:00', 'error', 'volume(batch rows >= 0.5 x previous)',"
                + " 'failure', 'batch of 4 rows against 10 in the previous promoted batch')");
        lake.spark().sql("INSERT INTO " + lake.table("ops.quality_metrics") + " VALUES"
                + " ('run-1', 'students', 'b1', TIMESTAMP '2025-04-01 09:00:00', 'Size', '*', 1200.0, false),"
                + " ('run-2', 'students', 'b2', TIMESTAMP '2025-04-02 09:00:00', 'Size', '*', 1250.0, true)");

        Path page = new QualityPage(lake.spark(), lake.settings()).write();

        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("quality.html");
        assertThat(html).contains("データ品質", "停止（昇格せず）", "volume(batch rows &gt;= 0.5 x previous)", "1,200 → 1,250");
        assertThat(html).doesNotContain("Compliance 0.75");
    }
}
