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
    void showsEachDatasetsLatestBatchItsVerdictInPlainJapaneseAndOnlyPromotedBatchesAsHistory(TemporaryLake lake) throws IOException {
        lake.withTables();
        String batches = lake.table("ops.batches");
        lake.spark().sql("INSERT INTO " + batches + " VALUES"
                + batch("students", "students-a", 1, "students_2024.csv", "2025-04-01 09:00:00", 100, 100, 0, "pending")
                + "," + batch("students", "students-a", 2, "students_2024.csv", "2025-04-01 09:00:00", 100, 100, 0, "passed")
                + "," + batch("students", "students-a", 3, "students_2024.csv", "2025-04-01 09:00:00", 100, 100, 0, "promoted")
                + "," + batch("students", "students-b", 4, "students_late.csv", "2025-04-02 09:00:00", 6, 1, 5, "pending")
                + "," + batch("students", "students-b", 5, "students_late.csv", "2025-04-02 09:00:00", 6, 1, 5, "blocked")
                + "," + batch("gps_pings", "gps_pings-a", 1, "pings_0401.csv", "2025-04-01 23:00:00", 1200, 1200, 0, "promoted")
                + "," + batch("gps_pings", "gps_pings-b", 2, "pings_0402.csv", "2025-04-02 23:00:00", 12000, 12000, 0, "waived"));
        lake.spark().sql("INSERT INTO " + lake.table("ops.quality_results") + " VALUES"
                + " ('run-2', 'students', 'students-b', TIMESTAMP '2025-04-02 10:00:00', 'error', 'quarantined(share <= 0.01)',"
                + " 'failure', 'too many rows quarantined at ingest: 5 of 6 rows of students_late.csv', '取込時に隔離された行が許容範囲を超えています：students_late.csv の 6 行中 5 行'),"
                + " ('run-2', 'students', 'students-b', TIMESTAMP '2025-04-02 10:00:00', 'error', 'complete(grade)', 'success', 'held', '問題なし'),"
                + " ('run-2', 'gps_pings', NULL, TIMESTAMP '2025-04-05 10:00:00', 'warning', 'freshness(daily, new delivery within 2 days)',"
                + " 'failure', 'nothing new for 3 days', '毎日届くはずのデータが 3 日間届いていません')");
        lake.spark().sql("INSERT INTO " + lake.table("ops.quality_metrics") + " VALUES ('run-1', 'students', NULL,"
                + " TIMESTAMP '2025-04-01 10:00:00', 'Size', '*', 100.0, true, 'Size(Some(_quarantine_reason IS NULL))', 1, NULL)");

        Path page = new QualityPage(lake.spark(), lake.settings()).write();

        String html = Files.readString(page);
        assertThat(page.getFileName().toString()).isEqualTo("quality.html");
        assertThat(html).contains("students_late.csv", "読込 6 ＝ 受入 1 ＋ 隔離 5", "停止中（対応が必要）",
                "不合格：取込時に隔離された行が許容範囲を超えています：students_late.csv の 6 行中 5 行",
                "too many rows quarantined at ingest: 5 of 6 rows", "例外として承認", "判断：steward「confirmed」",
                "鮮度：毎日届くはずのデータが 3 日間届いていません", "昇格済みバッチの合計 100 行");
        String studentsHistory = html.substring(html.indexOf(">students<"));
        assertThat(studentsHistory.substring(studentsHistory.lastIndexOf("<td>"))).contains("students_2024.csv")
                .doesNotContain("students_late.csv");
        assertThat(html).doesNotContain("問題なし");
    }

    private static String batch(String dataset, String batchId, int sequence, String file, String deliveredAt, long read,
            long accepted, long quarantined, String status) {
        return String.format(" ('%s', '%s', %d, '%s', TIMESTAMP '%s', %d, %d, %d, '%s', 'confirmed', 'steward', TIMESTAMP '%s',"
                + " NULL, NULL)", dataset, batchId, sequence, file, deliveredAt, read, accepted, quarantined, status, deliveredAt);
    }
}
