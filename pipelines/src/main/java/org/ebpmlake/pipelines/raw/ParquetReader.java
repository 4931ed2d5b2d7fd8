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
        Dataset<org.apache.spark.sql.Row> rows = spark.read().parquet(TextLines.hadoopPath(file));
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

    private static Column asText(StructField field) {
        if (field.dataType().equals(DataTypes.TimestampType)) {
            return date_format(col(field.name()), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").as(field.name());
        }
        return col(field.name()).cast(DataTypes.StringType).as(field.name());
    }
}
