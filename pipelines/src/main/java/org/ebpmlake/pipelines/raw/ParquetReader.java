package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads Parquet deliveries with Spark. Columns are matched to the declaration by name like a CSV header (extra
 * columns ignored and reported, optional ones may be missing);
 * values are handed to {@link RowParser} as text (timestamps as ISO 8601 with offset), so a Parquet file is
 * checked by the same rules as any other delivery. The line of a record is its row number in the file.
 */
final class ParquetReader implements DeliveryReader {
    private final SparkSession spark;
    private final DatasetDeclaration dataset;

    ParquetReader(SparkSession spark, DatasetDeclaration dataset) {
        this.spark = requireNonNull(spark, "spark is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
    }

    @Override
    public DeliveryRecords read(Path file, String fileName) {
        Dataset<org.apache.spark.sql.Row> rows = readable(file, fileName);
        List<String> header = Arrays.asList(rows.columns());
        HeaderLayout layout = new HeaderLocator(dataset).matchNames(fileName, header);
        Column[] asText = Arrays.stream(rows.schema().fields()).map(ParquetReader::asText).toArray(Column[]::new);
        JavaRDD<DeliveryRecord> records = rows.select(asText).javaRDD().zipWithIndex().map(numbered -> {
            org.apache.spark.sql.Row row = numbered._1();
            String[] fields = new String[row.size()];
            for (int index = 0; index < fields.length; index++) {
                fields[index] = row.isNullAt(index) ? "" : row.getString(index);
            }
            return DeliveryRecord.of(numbered._2() + 1, fields, String.join(",", fields));
        });
        return new DeliveryRecords(records, layout, "parquet", Optional.empty());
    }

    /**
     * The file's rows, once every page has been decoded: Spark reads lazily, so a damaged page would otherwise surface
     * in the middle of the commit as a fault. A file that is not Parquet, or is cut short or corrupt, is the sender's
     * to fix, in one line. Decoding twice costs a second read of a delivery, which Parquet deliveries (a day of exit
     * counts) easily afford.
     */
    private Dataset<org.apache.spark.sql.Row> readable(Path file, String fileName) {
        try {
            Dataset<org.apache.spark.sql.Row> rows = spark.read().parquet(TextLines.hadoopPath(file));
            Column[] asText = Arrays.stream(rows.schema().fields()).map(ParquetReader::asText).toArray(Column[]::new);
            rows.select(asText).foreach((org.apache.spark.api.java.function.ForeachFunction<org.apache.spark.sql.Row>) row -> { });
            return rows;
        } catch (Exception e) { // Scala throws SparkException undeclared, so the compiler cannot see it.
            throw new LakeException(ErrorCategory.INVALID_FILE, fileName + ": Parquet として読めません。送り元に作り直しを依頼してください"
                    + " / is not a readable Parquet file (" + rootReason(e) + "): ask the sender for a new copy", e);
        }
    }

    private static String rootReason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        // Spark's and Parquet's messages name the temporary path and span lines; the person needs the gist.
        return message.lines().findFirst().orElse(message).replaceAll("file:[^ ]*", "").trim();
    }

    private static Column asText(StructField field) {
        if (field.dataType().equals(DataTypes.TimestampType)) {
            return date_format(col(field.name()), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").as(field.name());
        }
        return col(field.name()).cast(DataTypes.StringType).as(field.name());
    }
}
