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
class PrivacyPageTest {
    @Test
    void showsEachTablesLatestReportWithItsVerdictAndADashForWhatAnAggregateLacks(TemporaryLake lake) throws IOException {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("ops.privacy_reports") + " VALUES"
                + " ('run-1', 'deid.residents', 'k-anonymity', '{\"k\":100}', 'age_band,sex', 'none', 60, 0, 60, 0, 0, false,"
                + " TIMESTAMP '2025-04-01 09:00:00', NULL, NULL, NULL, NULL, NULL, 'memory (auto)',"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                + " ('run-2', 'deid.residents', 'k-anonymity', '{\"k\":5}', 'age_band,sex', '{age_band=2, sex=0}', 20000, 19387,"
                + " 613, 512, 5, true, TIMESTAMP '2025-04-02 09:00:00', 0.1234, 0.2, 0.01, 0.0, 7, 'spark (auto: too little for memory)',"
                + " 1.0E7, 37.9, 0.2, 0.01, 0.0264, 'anonymised', NULL, NULL, NULL, 'loss', 0.1234),"
                + " ('run-2', 'mart.footfall_hourly', 'count threshold', '{\"minimum_count\":10}', 'mesh_code,hour_start', 'cells',"
                + " 900, 700, 200, 700, 10, true, TIMESTAMP '2025-04-02 09:00:00', NULL, NULL, NULL, NULL, NULL, 'spark aggregation',"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");

        Path page = new PrivacyPage(lake.spark(), lake.settings()).write();

        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("privacy.html");
        assertThat(html).contains("匿名加工の検証", "合格（公開）", "{age_band=2, sex=0}", "19,387", "512 (5)", "0.1234",
                "spark (auto: too little for memory)", "mart.footfall_hourly", "<td class=\"number\">–</td>");
        // Only the latest report of each table: the refused run before it is history, not the table's state.
        assertThat(html).doesNotContain("不合格（公開せず）").doesNotContain("{&quot;k&quot;:100}");
        assertThat(html).contains("href=\"quality.html\"", "href=\"privacy.html\"");
    }
}
