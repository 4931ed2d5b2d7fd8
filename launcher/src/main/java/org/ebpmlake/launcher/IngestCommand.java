package org.ebpmlake.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.quality.StewardDecisions;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.run.RunLock;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--supersedes", paramLabel = "BATCH",
            description = {"この訂正版が差し替えるバッチ（ファイル名が違うとき） / the batch this corrected delivery replaces, "
                + "when its file name differs (a same-name delivery supersedes its predecessor by itself)"})
    private String supersedes;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = {"届いたデータの基準日（既定は今日）。これより後の日付・日時の行は隔離します。",
                "the day the delivery describes (default: today); rows dated after it are quarantined"})
    private LocalDate asOf;

    @Override
    public Integer call() {
        DatasetCatalog datasets = DatasetCatalog.load();
        datasets.source(dataset);
        if (!Files.exists(fileOrFolder)) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, fileOrFolder + "：ファイルもフォルダもありません / "
                    + fileOrFolder + ": no such file or folder; give the path of a delivered file or a folder of them");
        }
        LakeSettings settings = lake.settings();
        System.out.println("レイク / lake: " + settings.warehouse() + " (catalog " + settings.catalogUri() + ")");
        try (CommandSpark commandSpark = CommandSpark.open(settings);
                // A steward's ingest writes the lake like a run does: it takes the run lock, or says who holds it.
                RunLock lock = RunLock.acquire(commandSpark.session(), settings, "ingest-" + dataset + "-" + Instant.now(),
                        Duration.ZERO, Clock.systemUTC(), System.out::println)) {
            SparkSession spark = commandSpark.session();
            new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(datasets);
            BatchLedger ledger = new BatchLedger(spark, settings, Clock.systemUTC(), BatchLedger.osUser());
            StewardDecisions decisions = new StewardDecisions(ledger, datasets);
            if (supersedes != null) {
                decisions.find(supersedes);
            }
            RawIngestion ingestion = new RawIngestion(spark, settings, datasets, Clock.systemUTC());
            List<IngestionResult> results = Optional.ofNullable(asOf)
                    .map(day -> ingestion.ingestAll(dataset, fileOrFolder, day))
                    .orElseGet(() -> ingestion.ingestAll(dataset, fileOrFolder));
            for (IngestionResult result : results) {
                System.out.println("  " + result.conservation() + " — batch " + result.batchId());
                for (String warning : result.warnings()) {
                    System.out.println("    警告 / warning: " + warning);
                }
            }
            // Registered now, so a same-name predecessor is recorded as superseded by the person who delivered.
            ledger.discover(datasets.dataset(dataset), Optional.empty());
            if (supersedes != null) {
                if (results.size() != 1) {
                    throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--supersedes には訂正版のファイルを1つだけ指定してください"
                            + " / --supersedes takes exactly one corrected file, not " + results.size());
                }
                BatchRecord superseded = decisions.supersede(supersedes, results.get(0).batchId(),
                        "corrected delivery " + results.get(0).sourceFile());
                System.out.println("差し替え / superseded: " + superseded.batchId() + " by " + results.get(0).batchId());
            }
            System.out.println(results.size() + " file(s) / ファイル; ./lake run で品質ゲートを通します / the next ./lake run checks them");
            return 0;
        }
    }
}
