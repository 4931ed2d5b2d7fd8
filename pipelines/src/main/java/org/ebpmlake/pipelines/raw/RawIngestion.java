package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.QuarantineTable;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Ingests one delivered file into its raw table. Each file is one batch, identified by the SHA-256 of its
 * bytes: the same bytes again add nothing, and a file of the same name with other bytes (a corrected
 * re-delivery) replaces its predecessor's rows in the same commit that adds its own. Rejected rows go to
 * {@code ops.quarantine}. The raw table gets exactly one Iceberg commit per batch, so a failure leaves it
 * as it was.
 */
public final class RawIngestion {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final Clock clock;
    private final DeliveryParser parser = new DeliveryParser();

    public RawIngestion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public IngestionResult ingest(String datasetName, Path file) {
        requireNonNull(datasetName, "datasetName is null");
        requireNonNull(file, "file is null");
        DatasetDeclaration dataset = datasets.dataset(datasetName);
        TableName rawTable = new TableName(Zone.RAW, dataset.name());
        String table = rawTable.in(settings.catalogName());
        byte[] bytes = read(file);
        String fileHash = sha256(bytes);
        String batchId = dataset.name() + "-" + fileHash.substring(0, 16);
        String fileName = file.getFileName().toString();
        if (alreadyIngested(table, fileHash)) {
            return new IngestionResult(dataset.name(), fileName, batchId, "-", 0, 0, 0, true);
        }
        DeliveredText text = DeliveredText.decode(fileName, bytes);
        ParsedDelivery parsed = parser.parse(dataset, fileName, text.text());
        Instant now = clock.instant();

        List<QuarantineTable.Entry> quarantined = parsed.rejected().stream()
                .map(rejected -> new QuarantineTable.Entry(dataset.name(), batchId, fileName, fileHash, rejected.line(),
                        rejected.field().orElse(null), rejected.reason(), rejected.rawRecord(), now))
                .toList();
        new QuarantineTable(spark, settings).add(quarantined);

        List<Row> rows = new ArrayList<>(parsed.accepted().size());
        for (ParsedDelivery.AcceptedRow accepted : parsed.accepted()) {
            Object[] values = new Object[accepted.values().length + 5];
            System.arraycopy(accepted.values(), 0, values, 0, accepted.values().length);
            int lineage = accepted.values().length;
            values[lineage] = batchId;
            values[lineage + 1] = fileName;
            values[lineage + 2] = accepted.line();
            values[lineage + 3] = fileHash;
            values[lineage + 4] = now;
            rows.add(RowFactory.create(values));
        }
        commitBatch(table, fileName, rows);
        return new IngestionResult(dataset.name(), fileName, batchId, text.charset().name(), parsed.rowsRead(),
                parsed.accepted().size(), parsed.rejected().size(), false);
    }

    /** Adds the batch and removes a predecessor of the same file name, in one MERGE, hence one commit. */
    private void commitBatch(String table, String fileName, List<Row> rows) {
        StructType schema = spark.table(table).schema();
        String view = "raw_batch_" + Long.toHexString(System.nanoTime());
        spark.createDataFrame(rows, schema).createOrReplaceTempView(view);
        try {
            spark.sql("MERGE INTO " + table + " t USING " + view + " s"
                    + " ON t._file_hash = s._file_hash AND t._line = s._line"
                    + " WHEN NOT MATCHED THEN INSERT *"
                    + " WHEN NOT MATCHED BY SOURCE AND t._source_file = '" + fileName.replace("'", "''") + "' THEN DELETE");
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    private boolean alreadyIngested(String table, String fileHash) {
        return !spark.table(table).where(org.apache.spark.sql.functions.col("_file_hash").equalTo(fileHash))
                .limit(1).isEmpty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
