package org.ebpmlake.pipelines.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class LakeMaintenanceTest {
    private final DatasetCatalog datasets = DatasetCatalog.load();

    @Test
    void aSupersededDeidReleaseCannotBeReadAgainButTaggedKpiReportsAndRecentRawHistoryStay(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT OVERWRITE " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        long weakerRelease = snapshot(lake, "deid.residents");
        lake.spark().sql("INSERT OVERWRITE " + lake.table("deid.residents") + " VALUES ('20-59', '*', '27128', '日本', true)");
        lake.spark().sql("INSERT INTO " + lake.table("raw.schools") + " SELECT * FROM " + lake.table("raw.schools") + " LIMIT 0");
        lake.spark().sql("INSERT INTO " + lake.table("ops.query_log") + " VALUES ('q1', 'planner', 'planner', '政策企画室', "
                + "'deid.residents', 'FINISHED', NULL, current_timestamp(), current_timestamp())");
        long firstLog = snapshot(lake, "ops.query_log");
        lake.spark().sql("INSERT INTO " + lake.table("ops.query_log") + " VALUES ('q2', 'planner', 'planner', '政策企画室', "
                + "'deid.residents', 'FINISHED', NULL, current_timestamp(), current_timestamp())");
        String progress = lake.table("mart.kpi_progress");
        lake.spark().sql("INSERT INTO " + progress + " SELECT * FROM " + progress + " LIMIT 0");
        long firstProgress = snapshot(lake, "mart.kpi_progress");
        lake.spark().sql("ALTER TABLE " + progress + " CREATE TAG `report-2025-03-31`");
        lake.spark().sql("INSERT INTO " + progress + " SELECT * FROM " + progress + " LIMIT 0");

        List<TableMaintenance> results = new LakeMaintenance(lake.spark(), lake.settings(), Clock.systemUTC()).maintainAll(datasets);

        assertThat(results).filteredOn(result -> result.table().equals("deid.residents")).singleElement()
                .satisfies(result -> assertThat(result.snapshotsExpired()).isEqualTo(1));
        assertThatThrownBy(() -> lake.spark().sql("SELECT * FROM " + lake.table("deid.residents") + " VERSION AS OF " + weakerRelease)
                .collectAsList()).hasMessageContaining(Long.toString(weakerRelease));
        assertThat(lake.spark().sql("SELECT sex FROM " + lake.table("deid.residents")).first().getString(0)).isEqualTo("*");
        assertThat(lake.spark().sql("SELECT count(*) FROM " + lake.table("mart.kpi_progress.snapshots")).first().getLong(0))
                .as("the current snapshot and the tagged report").isEqualTo(2);
        assertThat(snapshots(lake, "mart.kpi_progress")).contains(firstProgress);
        lake.spark().sql("SELECT * FROM " + progress + " VERSION AS OF 'report-2025-03-31'").collectAsList();
        assertThat(snapshots(lake, "ops.query_log")).as("ops keeps 90 days of history").contains(firstLog);
    }

    @Test
    void removesOrphanFilesOlderThanTheSafetyAgeAndKeepsYoungerOnes(TemporaryLake lake) throws IOException {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        Path data = lake.settings().warehouse().resolve("deid").resolve("residents").resolve("data");
        Path old = Files.writeString(data.resolve("killed-write-00001.parquet"), "left by a killed run");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path young = Files.writeString(data.resolve("in-flight-00002.parquet"), "a commit still running");

        List<TableMaintenance> results = new LakeMaintenance(lake.spark(), lake.settings(), Clock.systemUTC()).maintainAll(datasets);

        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(results).filteredOn(result -> result.table().equals("deid.residents")).singleElement()
                .satisfies(result -> assertThat(result.orphanFilesRemoved()).isEqualTo(1));
        assertThat(lake.count("deid.residents")).isEqualTo(1);
    }

    private static long snapshot(TemporaryLake lake, String table) {
        return lake.spark().sql("SELECT snapshot_id FROM " + lake.table(table) + ".snapshots ORDER BY committed_at DESC LIMIT 1")
                .first().getLong(0);
    }

    private static List<Long> snapshots(TemporaryLake lake, String table) {
        return lake.spark().sql("SELECT snapshot_id FROM " + lake.table(table) + ".snapshots").collectAsList().stream()
                .map(row -> row.getLong(0)).toList();
    }
}
