package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads one delivery and checks every record against the declaration, writing nothing: the reader for its
 * format splits it into records, {@link RowParser} reads them in parallel, lines whose quoted field stays open
 * are settled ({@link QuotedRecords}), and rows that share a key inside the delivery are all quarantined, since
 * which copy is right cannot be known. The outcomes are kept on the executors ({@link ExecutorRows}) for the writes
 * that follow; {@link ParsedDelivery#close} lets them go.
 */
final class DeliveryParse {
    static final String DUPLICATE_KEY = "duplicate key in this delivery";
    /** Key hashes at most this many are compared in an IN list; more are joined. */
    private static final int LISTED_HASHES = 1000;
    /**
     * Deliveries of up to this many accepted rows have their key hashes sorted together on the driver (128 MB at
     * most; a city's GPS day is 11 million rows); larger ones are counted by Spark.
     */
    static final long HASHES_SORTED_ON_DRIVER = 16_000_000;
    private static final String KEY_HASH = "_key_hash";

    private final SparkSession spark;
    private final long hashesSortedOnDriver;

    DeliveryParse(SparkSession spark) {
        this(spark, HASHES_SORTED_ON_DRIVER);
    }

    /** @param hashesSortedOnDriver the most accepted rows whose key hashes are sorted on the driver (tests try both ways) */
    DeliveryParse(SparkSession spark, long hashesSortedOnDriver) {
        this.spark = requireNonNull(spark, "spark is null");
        this.hashesSortedOnDriver = hashesSortedOnDriver;
    }

    ParsedDelivery parse(DatasetDeclaration dataset, Path file, String fileName, PlausibleDates plausible) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, file + "：ファイルがありません / " + file
                    + ": no such file; give the path of a delivered file or folder");
        }
        DeliveryFormat format = DeliveryFormat.of(file).orElseThrow(() -> new LakeException(ErrorCategory.INVALID_FILE,
                fileName + "：形式が分かりません（.csv .jsonl .xlsx .parquet のいずれか）/ " + fileName
                        + ": unknown delivery format; deliver .csv, .jsonl, .xlsx or .parquet"));
        DeliveryRecords records = reader(format, dataset).read(file, fileName);
        RowParser parser = new RowParser(dataset, records.layout(), plausible);
        StructType schema = RowParser.outcomeSchema(dataset);
        ExecutorRows kept = ExecutorRows.keep(spark.createDataFrame(records.records().map(parser::outcome), schema));
        Dataset<Row> parsed = kept.rows();
        try {
            Dataset<Row> outcomes = parsed;
            Counts counts = counts(outcomes);
            if (counts.quoteOpen() > 0) {
                outcomes = withQuotedRecords(parsed, records, parser, schema);
                counts = counts(outcomes);
            }
            Optional<Dataset<Row>> duplicates = duplicateLines(outcomes, dataset, counts.accepted());
            if (duplicates.isPresent()) {
                outcomes = withDuplicatesQuarantined(outcomes, duplicates.get(), records, dataset);
                counts = counts(outcomes);
            }
            long lastLine = Math.max(records.layout().headerLines(), counts.lastLine());
            LineAccount lines = new LineAccount(lastLine, records.layout().headerLines(), counts.blank(), counts.recordLines());
            return new ParsedDelivery(outcomes, kept, records.layout(), records.charset(), counts.accepted(),
                    counts.quarantined(), counts.formulaCells(), lines);
        } catch (RuntimeException failure) {
            kept.release();
            throw failure;
        }
    }

    private DeliveryReader reader(DeliveryFormat format, DatasetDeclaration dataset) {
        return switch (format) {
            case CSV -> new CsvReader(spark, dataset);
            case JSON_LINES -> new JsonLinesReader(spark, dataset);
            case XLSX -> new XlsxReader(spark, dataset);
            case PARQUET -> new ParquetReader(spark, dataset);
        };
    }

    /** What one pass over the outcomes counts. */
    private record Counts(long accepted, long quarantined, long blank, long quoteOpen, long recordLines, long lastLine,
            long formulaCells) {
    }

    private static Counts counts(Dataset<Row> outcomes) {
        Column kind = col(RowParser.KIND);
        Column isRecord = kind.equalTo(RowParser.ACCEPTED).or(kind.equalTo(RowParser.QUARANTINED));
        Row row = outcomes.agg(
                sum(when(kind.equalTo(RowParser.ACCEPTED), 1L).otherwise(0L)),
                sum(when(kind.equalTo(RowParser.QUARANTINED), 1L).otherwise(0L)),
                sum(when(kind.equalTo(RowParser.BLANK), 1L).otherwise(0L)),
                sum(when(kind.equalTo(RowParser.QUOTE_OPEN), 1L).otherwise(0L)),
                sum(when(isRecord, col(RowParser.LAST_LINE).minus(col(RowParser.LINE)).plus(1L)).otherwise(0L)),
                max(col(RowParser.LAST_LINE)),
                count(col(RowParser.FORMULA_FIELDS))).first();
        long[] values = new long[row.size()];
        for (int index = 0; index < values.length; index++) {
            // An empty delivery sums to null.
            values[index] = row.isNullAt(index) ? 0L : ((Number) row.get(index)).longValue();
        }
        return new Counts(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    /**
     * The outcomes with each line whose quote was open at its end replaced by the record that starts there,
     * read on the driver, and without the lines that record spans.
     */
    private Dataset<Row> withQuotedRecords(Dataset<Row> parsed, DeliveryRecords records, RowParser parser, StructType schema) {
        List<QuotedRecords.OpenQuote> open = parsed.where(col(RowParser.KIND).equalTo(RowParser.QUOTE_OPEN))
                .select(RowParser.LINE, RowParser.BYTE_OFFSET).collectAsList().stream()
                .map(row -> new QuotedRecords.OpenQuote(row.getLong(0), row.getLong(1))).toList();
        QuotedRecords quoted = records.quoted().orElseThrow(() -> new IllegalStateException(
                "a reader without quoted records reported a quote open at a line's end"));
        List<DeliveryRecord> spanning = quoted.close(open);
        long[] firstLines = spanning.stream().mapToLong(DeliveryRecord::line).toArray();
        long[] lastLines = spanning.stream().mapToLong(DeliveryRecord::lastLine).toArray();
        FilterFunction<Row> outsideSpans = row -> !RowParser.QUOTE_OPEN.equals(row.getString(0))
                && !insideSpan(row.getLong(1), firstLines, lastLines);
        JavaRDD<Row> settled = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(spanning.stream().map(parser::outcome).toList(), 1);
        return parsed.filter(outsideSpans).union(spark.createDataFrame(settled, schema));
    }

    /** Whether a line lies in one of the spans (given sorted by their first line, which never overlap). */
    private static boolean insideSpan(long line, long[] firstLines, long[] lastLines) {
        int index = Arrays.binarySearch(firstLines, line);
        if (index >= 0) {
            return true;
        }
        int before = -index - 2;
        return before >= 0 && line <= lastLines[before];
    }

    /**
     * The lines of accepted rows whose key another accepted row of the delivery has too, or empty when none do (the
     * usual case, found from a hash of the key; only rows whose hash repeats are then compared by the key's values).
     */
    private Optional<Dataset<Row>> duplicateLines(Dataset<Row> outcomes, DatasetDeclaration dataset, long accepted) {
        if (dataset.key().isEmpty()) {
            return Optional.empty();
        }
        Column[] key = dataset.key().stream().map(column -> col(column)).toArray(Column[]::new);
        Dataset<Row> hashed = outcomes.where(col(RowParser.KIND).equalTo(RowParser.ACCEPTED)).withColumn(KEY_HASH, xxhash64(key));
        Optional<Dataset<Row>> suspects = accepted <= hashesSortedOnDriver ? suspectsSortedOnDriver(hashed) : suspectsCounted(hashed);
        return suspects.map(rows -> rows.withColumn("_copies", count(lit(1)).over(Window.partitionBy(key)))
                .where(col("_copies").gt(1)).select(RowParser.LINE));
    }

    /** The rows whose key hash repeats, found by sorting the hashes ({@link RepeatedHashes}). */
    private Optional<Dataset<Row>> suspectsSortedOnDriver(Dataset<Row> hashed) {
        List<Long> repeated = Arrays.stream(RepeatedHashes.across(
                hashed.select(KEY_HASH).javaRDD().mapPartitions(RepeatedHashes::sortedPartition).collect())).boxed().toList();
        return rowsWithHashIn(hashed, repeated, () -> spark.createDataset(repeated, Encoders.LONG()).toDF(KEY_HASH));
    }

    /** The rows whose key hash repeats, found by Spark counting each hash: no memory on the driver, a shuffle of every hash. */
    private static Optional<Dataset<Row>> suspectsCounted(Dataset<Row> hashed) {
        Dataset<Row> repeated = hashed.groupBy(KEY_HASH).count().where(col("count").gt(1)).select(KEY_HASH);
        List<Object> first = repeated.limit(LISTED_HASHES + 1).collectAsList().stream().map(row -> row.get(0)).toList();
        return rowsWithHashIn(hashed, first, () -> repeated);
    }

    /**
     * The rows whose hash is a repeated one, or empty when none is: compared with a list when {@code repeated} (all of
     * them, or at least the first {@link #LISTED_HASHES} + 1) is short, else joined with {@code all}.
     */
    private static Optional<Dataset<Row>> rowsWithHashIn(Dataset<Row> hashed, List<?> repeated, Supplier<Dataset<Row>> all) {
        if (repeated.isEmpty()) {
            return Optional.empty();
        }
        if (repeated.size() <= LISTED_HASHES) {
            return Optional.of(hashed.where(col(KEY_HASH).isin(repeated.toArray())));
        }
        return Optional.of(hashed.join(all.get(), KEY_HASH));
    }

    /**
     * The outcomes with every copy of a duplicated key quarantined. Accepted rows keep no text of their own, so
     * the copies' lines are read again from the delivery for the quarantine.
     */
    private Dataset<Row> withDuplicatesQuarantined(Dataset<Row> outcomes, Dataset<Row> duplicateLines, DeliveryRecords records,
            DatasetDeclaration dataset) {
        long[] lines = duplicateLines.collectAsList().stream().mapToLong(row -> row.getLong(0)).sorted().toArray();
        JavaRDD<Row> texts = records.records()
                .filter(record -> Arrays.binarySearch(lines, record.line()) >= 0)
                .map(record -> RowFactory.create(record.line(), record.rawRecord()));
        Dataset<Row> copies = spark.createDataFrame(texts, new StructType()
                .add("_duplicate_line", DataTypes.LongType, false)
                .add("_duplicate_text", DataTypes.StringType, false));
        Dataset<Row> joined = outcomes.join(copies, col(RowParser.LINE).equalTo(col("_duplicate_line")), "left_outer");
        Column duplicate = col("_duplicate_line").isNotNull();
        List<Column> columns = new ArrayList<>();
        for (String name : outcomes.columns()) {
            Column value = col(name);
            switch (name) {
                case RowParser.KIND -> value = when(duplicate, lit(RowParser.QUARANTINED)).otherwise(value);
                case RowParser.FIELD -> value = when(duplicate, lit(String.join(",", dataset.key()))).otherwise(value);
                case RowParser.REASON -> value = when(duplicate, lit(DUPLICATE_KEY)).otherwise(value);
                case RowParser.RAW_RECORD -> value = when(duplicate, col("_duplicate_text")).otherwise(value);
                case RowParser.FORMULA_FIELDS -> value = when(duplicate, lit(null).cast(DataTypes.StringType)).otherwise(value);
                default -> {
                }
            }
            columns.add(value.as(name));
        }
        return joined.select(columns.toArray(Column[]::new));
    }
}
