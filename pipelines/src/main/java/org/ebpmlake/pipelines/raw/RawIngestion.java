package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.IngestWarningTable;
import org.ebpmlake.pipelines.ops.PerDeliveryTable;
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
 * {@code raw.quarantine} with line, field and reason; the counts, and the file's physical lines, are checked to
 * add up. What the steward should know though nothing was refused goes to {@code ops.ingest_warnings}.
 *
 * <p>Order of the commits: the quarantined rows and the warnings first (each replacing a predecessor's), then
 * the raw table's one commit. If the raw commit fails, both ops tables are rolled back to their snapshots from
 * before the batch, so a failed batch leaves no row behind.
 */
public final class RawIngestion {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final Clock clock;
    private final RawBatchCommit rawCommit;
    /** What tells two warnings about one line apart. */
    private static final List<String> WARNING_ROW = List.of("field", "warning");

    private final QuarantineTable quarantine;
    private final PerDeliveryTable warnings;

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
        this.warnings = new PerDeliveryTable(spark, settings, IngestWarningTable.TABLE);
    }

    /** Ingests every delivery of a folder (sorted by name), or the one file given, as of today. */
    public List<IngestionResult> ingestAll(String datasetName, Path fileOrFolder) {
        return ingestAll(datasetName, fileOrFolder, today());
    }

    /**
     * Ingests every delivery of a folder (sorted by name), or the one file given.
     *
     * @param asOf the day the deliveries describe: a date or time after it is quarantined
     */
    public List<IngestionResult> ingestAll(String datasetName, Path fileOrFolder, LocalDate asOf) {
        requireNonNull(fileOrFolder, "fileOrFolder is null");
        List<IngestionResult> results = new ArrayList<>();
        for (Path file : deliveriesIn(fileOrFolder)) {
            results.add(ingest(datasetName, file, asOf));
        }
        return List.copyOf(results);
    }

    /** Ingests one delivery as of today: nothing in it may be dated after today. */
    public IngestionResult ingest(String datasetName, Path file) {
        return ingest(datasetName, file, today());
    }

    /**
     * Ingests one delivery.
     *
     * @param asOf the day the delivery describes (an extract's date): a date or time after it is quarantined, as
     *     is anything after the present moment
     */
    public IngestionResult ingest(String datasetName, Path file, LocalDate asOf) {
        requireNonNull(datasetName, "datasetName is null");
        requireNonNull(file, "file is null");
        requireNonNull(asOf, "asOf is null");
        DatasetDeclaration dataset = datasets.source(datasetName);
        if (!Files.isRegularFile(file)) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, file + "：ファイルがありません / " + file
                    + ": no such file; give the path of a delivered file or folder");
        }
        String table = new TableName(Zone.RAW, dataset.name()).in(settings.catalogName());
        String fileHash = sha256(file);
        String batchId = dataset.name() + "-" + fileHash.substring(0, 16);
        String fileName = file.getFileName().toString();
        if (alreadyIngested(dataset, table, fileHash)) {
            return IngestionResult.alreadyIngested(dataset.name(), fileName, batchId);
        }
        Batch batch = new Batch(dataset, batchId, fileName, fileHash, Timestamp.from(clock.instant()));
        try (ParsedDelivery parsed = new DeliveryParse(spark).parse(dataset, file, fileName,
                new PlausibleDates(asOf, clock.instant()))) {
            IngestionResult result = new IngestionResult(dataset.name(), fileName, batchId, parsed.charset(), parsed.read(),
                    parsed.accepted(), parsed.quarantined(), false, parsed.lines(), warningLines(parsed));
            Optional<Long> quarantineBefore = quarantine.currentSnapshot();
            Optional<Long> warningsBefore = warnings.currentSnapshot();
            try {
                if (parsed.quarantined() > 0 || quarantine.holdsPredecessorOf(dataset.name(), fileName, fileHash)) {
                    quarantine.replaceFile(dataset.name(), fileName, fileHash, quarantinedRows(parsed, batch));
                }
                Dataset<Row> warningRows = warningRows(parsed, batch);
                if (!result.warnings().isEmpty() || warnings.holdsPredecessorOf(dataset.name(), fileName, fileHash)) {
                    warnings.replaceFile(dataset.name(), fileName, fileHash, warningRows, WARNING_ROW);
                }
                rawCommit.commit(table, fileName, acceptedRows(parsed, spark.table(table).schema(), batch));
            } catch (Exception | Error failure) {
                // Spark's job failures are checked SparkExceptions that Java's compiler cannot see coming, and a full
                // disk arrives as Hadoop's FSError: either way the batch's quarantined rows and warnings go, and the
                // failure is the one reported even if undoing fails too.
                try {
                    quarantine.undoBatch(quarantineBefore, dataset.name(), fileName, fileHash);
                } catch (Exception | Error undoFailure) {
                    failure.addSuppressed(undoFailure);
                }
                try {
                    warnings.undoBatch(warningsBefore, dataset.name(), fileName, fileHash, WARNING_ROW);
                } catch (Exception | Error undoFailure) {
                    failure.addSuppressed(undoFailure);
                }
                throw failure;
            }
            return result;
        }
    }

    /** The lineage every row of a batch carries. */
    private record Batch(DatasetDeclaration dataset, String batchId, String fileName, String fileHash, Timestamp at) {
    }

    private static Dataset<Row> acceptedRows(ParsedDelivery parsed, StructType rawSchema, Batch batch) {
        List<Column> columns = new ArrayList<>();
        for (String name : batch.dataset().columns().stream().map(column -> column.name()).toList()) {
            columns.add(col(name));
        }
        columns.add(lit(batch.batchId()).as(LineageColumn.BATCH_ID.columnName()));
        columns.add(lit(batch.fileName()).as(LineageColumn.SOURCE_FILE.columnName()));
        columns.add(col(RowParser.LINE).as(LineageColumn.LINE.columnName()));
        columns.add(lit(batch.fileHash()).as(LineageColumn.FILE_HASH.columnName()));
        columns.add(lit(batch.at()).as(LineageColumn.INGESTED_AT.columnName()));
        Dataset<Row> accepted = parsed.acceptedRows().select(columns.toArray(Column[]::new));
        return accepted.select(Arrays.stream(rawSchema.fieldNames()).map(name -> col(name)).toArray(Column[]::new));
    }

    private static Dataset<Row> quarantinedRows(ParsedDelivery parsed, Batch batch) {
        return parsed.quarantinedRows().select(
                lit(batch.dataset().name()).as("dataset"),
                lit(batch.batchId()).as("batch_id"),
                lit(batch.fileName()).as("source_file"),
                lit(batch.fileHash()).as("file_hash"),
                col(RowParser.LINE).as("line"),
                col(RowParser.FIELD).as("field"),
                col(RowParser.REASON).as("reason"),
                col(RowParser.RAW_RECORD).as("raw_record"),
                lit(batch.at()).as("quarantined_at"));
    }

    /** The warnings about the file as a whole (its header) and about each cell stored inert. */
    private Dataset<Row> warningRows(ParsedDelivery parsed, Batch batch) {
        Long headerLine = parsed.layout().headerLines() > 0 ? parsed.layout().headerLines() : null;
        List<Row> fileWarnings = new ArrayList<>();
        for (String header : parsed.layout().extraHeaders()) {
            fileWarnings.add(RowFactory.create(headerLine, header, IngestWarning.EXTRA_COLUMN.code(), IngestWarning.EXTRA_COLUMN.detail()));
        }
        for (String header : parsed.layout().missingOptional()) {
            fileWarnings.add(RowFactory.create(headerLine, header, IngestWarning.MISSING_OPTIONAL_COLUMN.code(),
                    IngestWarning.MISSING_OPTIONAL_COLUMN.detail()));
        }
        if (parsed.read() == 0) {
            fileWarnings.add(RowFactory.create(null, null, IngestWarning.NO_ROWS.code(), IngestWarning.NO_ROWS.detail()));
        }
        StructType schema = new StructType()
                .add("line", DataTypes.LongType, true)
                .add("field", DataTypes.StringType, true)
                .add("warning", DataTypes.StringType, false)
                .add("detail", DataTypes.StringType, false);
        Dataset<Row> cells = parsed.acceptedRows().where(col(RowParser.FORMULA_FIELDS).isNotNull())
                .select(col(RowParser.LINE).as("line"), explode(split(col(RowParser.FORMULA_FIELDS), ",")).as("field"),
                        lit(IngestWarning.FORMULA_LIKE_CELL.code()).as("warning"),
                        lit(IngestWarning.FORMULA_LIKE_CELL.detail()).as("detail"));
        return spark.createDataFrame(fileWarnings, schema).union(cells).select(
                lit(batch.dataset().name()).as("dataset"),
                lit(batch.batchId()).as("batch_id"),
                lit(batch.fileName()).as("source_file"),
                lit(batch.fileHash()).as("file_hash"),
                col("line"),
                col("field"),
                col("warning"),
                col("detail"),
                lit(batch.at()).as("recorded_at"));
    }

    /** One line per kind of warning, for the steward running the ingest. */
    private static List<String> warningLines(ParsedDelivery parsed) {
        List<String> lines = new ArrayList<>();
        for (String header : parsed.layout().extraHeaders()) {
            lines.add("列「" + header + "」は宣言にないため無視しました / extra column '" + header + "' is not declared and was ignored");
        }
        for (String header : parsed.layout().missingOptional()) {
            lines.add("任意の列「" + header + "」がないため空として取り込みました / optional column '" + header
                    + "' is missing and was read as empty");
        }
        if (parsed.read() == 0) {
            lines.add("見出しだけで行がありません / the delivery holds no rows");
        }
        if (parsed.formulaCells() > 0) {
            lines.add(parsed.formulaCells() + " 行に数式のように始まるセルがあり、先頭に ' を付けて保存しました / " + parsed.formulaCells()
                    + " row(s) had cells that start like a spreadsheet formula; they were stored with a leading apostrophe"
                    + " so no spreadsheet runs them (lines in " + IngestWarningTable.TABLE + ")");
        }
        return List.copyOf(lines);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FieldParser.CITY_ZONE);
    }

    /**
     * A file whose rows are all in the raw table or all quarantined is recognised by its hash either way; one that
     * holds no rows at all by the warning that says so.
     */
    private boolean alreadyIngested(DatasetDeclaration dataset, String table, String fileHash) {
        return !spark.table(table).where(col(LineageColumn.FILE_HASH.columnName()).equalTo(fileHash)).limit(1).isEmpty()
                || quarantine.holdsFile(dataset.name(), fileHash) || warnings.holdsFile(dataset.name(), fileHash);
    }

    private static List<Path> deliveriesIn(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        try (Stream<Path> files = Files.list(fileOrFolder)) {
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
