package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.lake.catalog.TestPostgres;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries of three datasets ingested at once into a lake whose catalog is the cluster environment's PostgreSQL, as
 * pipeline tasks on different datasets and a steward's {@code ./lake ingest} may commit at the same moment: each writes
 * its own raw table and appends to the tables all ingestion shares (the batch register, the quarantine, the warnings),
 * and no commit is lost.
 */
class ConcurrentIngestIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    private static final List<String> DATASETS = List.of("residents", "students", "learning_logs", "gps_pings");

    @Test
    void ingestionsOfDifferentDatasetsCommittingAtOnceLoseNothing(@TempDir Path directory) throws Exception {
        try (TestPostgres postgres = TestPostgres.start(directory.resolve("postgres"))) {
            LakeSettings settings = postgres.lake("lake_concurrent", directory);
            SparkSession spark = SparkSession.builder().master("local[2]").appName("concurrent-ingest-it")
                    .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                    .config("spark.sql.session.timeZone", "Asia/Tokyo").config("spark.sql.datetime.java8API.enabled", "true")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try {
                LakeSession.mount(spark, settings, Optional.of(postgres.catalogPassword()));
                DatasetCatalog catalog = DatasetCatalog.load();
                new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(catalog);
                Map<String, SourceFile> files = new SampleSources(11, Scale.TINY, AS_OF).writeTo(Files.createDirectories(directory.resolve("sources")))
                        .stream().filter(file -> DATASETS.contains(file.dataset()))
                        .collect(Collectors.toMap(SourceFile::dataset, Function.identity(), (first, second) -> first));
                assertThat(files).containsOnlyKeys(DATASETS);
                // Each delivery repeats its last record, so each also appends its two copies to the shared quarantine.
                for (SourceFile file : files.values()) {
                    repeatLastRecord(file.path());
                }

                CountDownLatch ready = new CountDownLatch(DATASETS.size());
                ExecutorService pool = Executors.newFixedThreadPool(DATASETS.size());
                List<Future<IngestionResult>> ingestions = new ArrayList<>();
                for (String dataset : DATASETS) {
                    ingestions.add(pool.submit(() -> {
                        RawIngestion ingestion = new RawIngestion(spark, settings, catalog, Clock.systemUTC());
                        ready.countDown();
                        ready.await();
                        return ingestion.ingest(dataset, files.get(dataset).path(), AS_OF);
                    }));
                }
                List<IngestionResult> results = new ArrayList<>();
                for (Future<IngestionResult> ingestion : ingestions) {
                    results.add(ingestion.get());
                }
                pool.shutdown();

                long quarantined = 0;
                for (IngestionResult result : results) {
                    assertThat(result.rowsAccepted()).as(result.dataset()).isPositive();
                    assertThat(result.rowsQuarantined()).as(result.dataset()).isEqualTo(2);
                    assertThat(spark.table(settings.catalogName() + ".raw." + result.dataset()).count()).as(result.dataset())
                            .isEqualTo(result.rowsAccepted());
                    quarantined += result.rowsQuarantined();
                }
                String quarantine = settings.catalogName() + ".raw.quarantine";
                assertThat(spark.table(quarantine).count()).isEqualTo(quarantined);
                assertThat(spark.sql("SELECT count(DISTINCT dataset) FROM " + quarantine).first().getLong(0)).isEqualTo(DATASETS.size());
                assertThat(spark.sql("SELECT count(*) FROM " + quarantine + ".snapshots").first().getLong(0))
                        .isGreaterThanOrEqualTo(DATASETS.size());
            } finally {
                spark.stop();
            }
        }
    }

    /** Appends a copy of the file's last line (a CSV row or a JSON record), whatever its encoding. */
    private static void repeatLastRecord(Path file) throws java.io.IOException {
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--;
        }
        int start = end;
        while (start > 0 && content[start - 1] != '\n') {
            start--;
        }
        byte[] line = java.util.Arrays.copyOfRange(content, start, end);
        java.io.ByteArrayOutputStream repeated = new java.io.ByteArrayOutputStream();
        repeated.write(content, 0, end);
        repeated.write('\n');
        repeated.write(line);
        repeated.write('\n');
        Files.write(file, repeated.toByteArray());
    }
}
