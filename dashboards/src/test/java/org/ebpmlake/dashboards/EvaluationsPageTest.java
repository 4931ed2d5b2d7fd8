package org.ebpmlake.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class EvaluationsPageTest {
    @Test
    void showsEachEvaluationsVerdictIntervalPretrendAndEventStudy(TemporaryLake lake) throws IOException {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("mart.evaluations") + " VALUES"
                + " ('footfall', '来訪者 <御堂筋>', 'visitors', 'mart.footfall_cells_daily', 'visitors', 'log', 'mesh_code', 'week',"
                + " DATE '2025-03-20', 'did', 6, 16, 3, 66, 0.2231, 0.05, 0.12, 0.33, 0.95, 0.47, 1234, 'run-1', TIMESTAMP '2025-04-01 09:00:00'),"
                + " ('placebo', '偽の介入', 'placebo', 'mart.footfall_cells_daily', 'share_15_to_180', 'none', 'mesh_code', 'week',"
                + " DATE '2025-03-10', 'did', 6, 16, 2, 44, -1.5, 3.0, -7.7, 4.7, 0.95, 0.01, 1234, 'run-1', TIMESTAMP '2025-04-01 09:00:00')");
        lake.spark().sql("INSERT INTO " + lake.table("mart.evaluation_periods") + " VALUES"
                + " ('footfall', DATE '2025-03-10', '2025-03-10', -2, 0.01, -0.1, 0.12, 4.5, 4.4, 'run-1'),"
                + " ('footfall', DATE '2025-03-17', '2025-03-17', -1, 0.0, NULL, NULL, 4.5, 4.4, 'run-1'),"
                + " ('footfall', DATE '2025-03-24', '2025-03-24', 0, 0.25, 0.1, 0.4, 4.8, 4.45, 'run-1'),"
                + " ('placebo', DATE '2025-03-03', '2025-03-03', -1, 0.0, NULL, NULL, 40.0, 39.0, 'run-1'),"
                + " ('placebo', DATE '2025-03-10', '2025-03-10', 0, -1.5, -7.7, 4.7, 39.0, 39.5, 'run-1')");

        Path page = new EvaluationsPage(lake.spark(), lake.settings()).write();

        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("evaluations.html");
        assertThat(html).contains("来訪者 &lt;御堂筋&gt;").doesNotContain("来訪者 <御堂筋>");
        assertThat(html).contains("効果あり（増加）", "+0.223", "[+0.12, +0.33]", "+25.0%", "VERSION AS OF 1234");
        assertThat(html).contains("効果は確認できず", "−1.5", "平行トレンドの前提が疑わしい", "基準");
        String footfall = html.substring(html.indexOf("id=\"footfall\""), html.indexOf("id=\"placebo\""));
        assertThat(Pattern.compile("<circle ").matcher(footfall).results().count()).as("a point per period").isEqualTo(3);
        assertThat(Pattern.compile("class=\"interval\"").matcher(footfall).results().count()).as("no interval for the reference").isEqualTo(2);
        assertThat(footfall).contains("class=\"intervention\"").contains("class=\"reference\"");
        assertThat(html).contains("href=\"evaluations.html\"");
    }
}
