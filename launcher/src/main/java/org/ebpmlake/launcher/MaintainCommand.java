package org.ebpmlake.launcher;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.maintenance.LakeMaintenance;
import org.ebpmlake.pipelines.maintenance.TableMaintenance;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lake maintain}: snapshot retention, compaction and orphan-file removal on every table of the lake. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"レイクの保守：保持期間を過ぎたスナップショットの失効（タグ付きのKPI報告は残す）、小さなファイルの統合、孤立ファイルの削除。",
            "Maintain the lake: expire snapshots past their declared retention (tagged KPI reports are kept), compact small "
                + "files, remove orphan files. ./lake run does the same at its end."})
final class MaintainCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Override
    public Integer call() {
        LakeSettings settings = lake.settings();
        SparkSession spark = LakeSession.openExisting(settings);
        try {
            List<TableMaintenance> results = new LakeMaintenance(spark, settings, Clock.systemUTC()).maintainAll(DatasetCatalog.load());
            for (TableMaintenance result : results) {
                if (result.changedAnything()) {
                    System.out.printf("  %-32s 失効 / expired %4d  統合 / compacted %4d  孤立 / orphans %4d%n", result.table(),
                            result.snapshotsExpired(), result.filesCompacted(), result.orphanFilesRemoved());
                }
            }
            System.out.println(LakeMaintenance.summary(results).message());
            return 0;
        } finally {
            spark.stop();
        }
    }
}
