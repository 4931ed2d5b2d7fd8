package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.QuarantineTable;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Ingests one delivered file (CSV, JSON lines, xlsx or Parquet) into its raw table as a Spark job. Each
 * file is one batch, identified by the SHA-256 of its bytes: the same bytes again add nothing, and a file
 * of the same name with other bytes (a corrected re-delivery) replaces its predecessor's rows in the same
 * commit that adds its own. Every record read is either accepted, with lineage, or quarantined in
 * {@code ops.quarantine} with line, field and reason; the counts are checked to add up.
 *
 * <p>Order of the two commits: the quarantined rows first (replacing a predecessor's), then the raw table's
 * one commit. If the raw commit fails, the quarantine table is rolled back to its snapshot from before the
 * batch, so a failed batch leaves no row behind.
 */
public final class RawIngestion {
    private static final long DEFAULT_WHOLE_FILE_LIMIT_BYTES = 64L << 20;

    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final Clock clock;
    private final RawBatchCommit rawCommit;
    private final QuarantineTable quarantine;

    public RawIngestion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock) {
        this(spark, settings, datasets, clock, new MergeOrAppendCommit(spark));
    }

    public RawIngestion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, Clock clock, RawBatchCommit rawCommit) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.rawCommit = requireNonNull(rawCommit, "rawCommit is null");
        this.quarantine = new QuarantineTable(spark, settings);
    }

    /** Ingests every delivery of a folder (sorted by name), or the one file given. */
    public List<IngestionResult> ingestAll(String datasetName, Path fileOrFolder) {
        requireNonNull(fileOrFolder, "fileOrFolder is null");
        List<IngestionResult> results = new ArrayList<>();
        for (Path file : deliveriesIn(fileOrFolder)) {
            results.add(ingest(datasetName, file));
        }
        return List.copyOf(results);
    }

    public IngestionResult ingest(String datasetName, Path file) {
        requireNonNull(datasetName, "datasetName is null");
        requireNonNull(file, "file is null");
        DatasetDeclaration dataset = datasets.dataset(datasetName);
        String table = new TableName(Zone.RAW, dataset.name()).in(settings.catalogName());
        String fileHash = sha256(file);
        String batchId = dataset.name() + "-" + fileHash.substring(0, 16);
        String fileName = file.getFileName().toString();
        if (alreadyIngested(dataset, table, fileHash)) {
            return new IngestionResult(dataset.name(), fileName, batchId, "-", 0, 0, 0, true);
        }
        DeliveryFormat format = DeliveryFormat.of(file).orElseThrow(() -> new IllegalArgumentException(
                fileName + ": unknown delivery format (expected .csv, .jsonl, .xlsx or .parquet)"));
        DeliveryRecords records = reader(format, dataset).read(file, fileName);
        RowParser parser = new RowParser(dataset, records.columnOfField());
        StructType rawSchema = spark.table(table).schema();
        Dataset<Row> outcomes = spark.createDataFrame(records.records().map(parser::outcome),
                RowParser.outcomeSchema(dataset, rawSchema)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = outcomes.agg(count(lit(1)), sum(when(col(RowParser.REASON).isNull(), 1).otherwise(0)),
                    sum(when(col(RowParser.REASON).isNotNull(), 1).otherwise(0))).first();
            long read = counts.getLong(0);
            long accepted = counts.isNullAt(1) ? 0 : counts.getLong(1);
            long quarantined = counts.isNullAt(2) ? 0 : counts.getLong(2);
            IngestionResult result = new IngestionResult(dataset.name(), fileName, batchId, records.charset(), read,
                    accepted, quarantined, false);
            Timestamp now = Timestamp.from(clock.instant());
            Optional<Long> quarantineBefore = quarantine.currentSnapshot();
            if (quarantined > 0 || quarantine.holdsPredecessorOf(dataset.name(), fileName, fileHash)) {
                quarantine.replaceFile(dataset.name(), fileName, fileHash,
                        quarantinedRows(outcomes, dataset, batchId, fileName, fileHash, now));
            }
            try {
                rawCommit.commit(table, fileName, acceptedRows(outcomes, rawSchema, parser, batchId, fileName, fileHash, now));
            } catch (Exception | Error failure) {
                // Spark's job failures are checked SparkExceptions that Java's compiler cannot see coming, and a full
                // disk arrives as Hadoop's FSError: either way the batch's quarantined rows go, and the failure is
                // the one reported even if undoing fails too.
                try {
                    quarantine.undoBatch(quarantineBefore, fileHash);
                } catch (Exception | Error undoFailure) {
                    failure.addSuppressed(undoFailure);
                }
                throw failure;
            }
            return result;
        } finally {
            outcomes.unpersist();
        }
    }

    private DeliveryReader reader(DeliveryFormat format, DatasetDeclaration dataset) {
        return switch (format) {
            case CSV -> new CsvReader(spark, dataset,
                    settings.option("lake.ingest.whole-file-limit-bytes").map(Long::parseLong).orElse(DEFAULT_WHOLE_FILE_LIMIT_BYTES));
            case JSON_LINES -> new JsonLinesReader(spark, dataset);
            case XLSX -> new XlsxReader(spark, dataset);
            case PARQUET -> new ParquetReader(spark, dataset);
        };
    }

    private static Dataset<Row> acceptedRows(Dataset<Row> outcomes, StructType rawSchema, RowParser parser, String batchId,
            String fileName, String fileHash, Timestamp now) {
        List<Column> columns = new ArrayList<>();
        for (String name : parser.columnNames()) {
            columns.add(col(name));
        }
        columns.add(lit(batchId).as(LineageColumn.BATCH_ID.columnName()));
        columns.add(lit(fileName).as(LineageColumn.SOURCE_FILE.columnName()));
        columns.add(col(RowParser.LINE).as(LineageColumn.LINE.columnName()));
        columns.add(lit(fileHash).as(LineageColumn.FILE_HASH.columnName()));
        columns.add(lit(now).as(LineageColumn.INGESTED_AT.columnName()));
        Dataset<Row> accepted = outcomes.where(col(RowParser.REASON).isNull()).select(columns.toArray(Column[]::new));
        return accepted.select(Arrays.stream(rawSchema.fieldNames()).map(name -> col(name)).toArray(Column[]::new));
    }

    private static Dataset<Row> quarantinedRows(Dataset<Row> outcomes, DatasetDeclaration dataset, String batchId,
            String fileName, String fileHash, Timestamp now) {
        return outcomes.where(col(RowParser.REASON).isNotNull()).select(
                lit(dataset.name()).as("dataset"),
                lit(batchId).as("batch_id"),
                lit(fileName).as("source_file"),
                lit(fileHash).as("file_hash"),
                col(RowParser.LINE).as("line"),
                col(RowParser.FIELD).as("field"),
                col(RowParser.REASON).as("reason"),
                col(RowParser.RAW_RECORD).as("raw_record"),
                lit(now).as("quarantined_at"));
    }

    /** A file whose rows are all in the raw table or all quarantined is recognised by its hash either way. */
    private boolean alreadyIngested(DatasetDeclaration dataset, String table, String fileHash) {
        return !spark.table(table).where(col(LineageColumn.FILE_HASH.columnName()).equalTo(fileHash)).limit(1).isEmpty()
                || quarantine.holdsFile(dataset.name(), fileHash);
    }

    private static List<Path> deliveriesIn(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        try (var files = Files.list(fileOrFolder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> DeliveryFormat.of(file).isPresent())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list deliveries in " + fileOrFolder, e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
