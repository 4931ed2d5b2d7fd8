package org.ebpmlake.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.run.RunLock;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lake ingest <dataset> <file-or-folder>}: a data steward's delivery into the raw zone. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"届いたファイル（CSV・JSON Lines・xlsx・Parquet）を raw ゾーンに取り込みます。不正な行は ops.quarantine に隔離します。",
            "Ingest a delivered file, or every delivery in a folder, into the dataset's raw table; "
                + "rows that cannot be accepted go to ops.quarantine. Prints read = accepted + quarantined per file."})
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Parameters(index = "0", paramLabel = "DATASET", description = "データセット名 / dataset name, e.g. residents, learning_logs")
    private String dataset;

    @Parameters(index = "1", paramLabel = "FILE_OR_FOLDER", description = "ファイルまたはフォルダ / a delivery or a folder of deliveries")
    private Path fileOrFolder;

    @Override
    public Integer call() {
        DatasetCatalog datasets = DatasetCatalog.load();
        datasets.dataset(dataset);
        if (!Files.exists(fileOrFolder)) {
            System.err.println(fileOrFolder + ": no such file or folder");
            return 2;
        }
        LakeSettings settings = lake.settings();
        System.out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        SparkSession spark = LakeSession.open(settings);
        // A steward's ingest writes the lake like a run does: it takes the run lock, or says who holds it.
        try (RunLock lock = RunLock.acquire(spark, settings, "ingest-" + dataset + "-" + Instant.now(), Duration.ZERO,
                Clock.systemUTC(), System.out::println)) {
            new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(datasets);
            List<IngestionResult> results = new RawIngestion(spark, settings, datasets, Clock.systemUTC())
                    .ingestAll(dataset, fileOrFolder);
            for (IngestionResult result : results) {
                System.out.println("  " + result.conservation());
            }
            System.out.println(results.size() + " file(s) / ファイル");
            return 0;
        } finally {
            spark.stop();
        }
    }
}
