package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.pipelines.deid.AnonymizationSpecification;
import org.ebpmlake.pipelines.deid.Release;
import org.ebpmlake.pipelines.deid.SparkAnonymization;
import org.ebpmlake.pipelines.deid.TextRows;

/**
 * {@code lake anonymize file} for a file too large for memory: Spark reads the CSV (parsed as the in-memory path
 * parses it: header, quotes, surrounding spaces trimmed, an empty cell empty), the Spark engine de-identifies it,
 * and the rows stream back to the driver one partition at a time, in the input's order, into the output file.
 */
final class SparkFileAnonymization {
    private static final String ROW_NUMBER = "_row_number";

    private final SparkSession spark;

    SparkFileAnonymization(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /** A running session if there is one (the caller must not stop it), else a local one. */
    static SparkSession session() {
        return SparkSession.builder().appName("lake anonymize file")
                .master(Optional.ofNullable(System.getenv("LAKE_SPARK_MASTER")).orElse("local[2]"))
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    static boolean sessionRunning() {
        return SparkSession.getDefaultSession().isDefined();
    }

    Optional<Release> anonymize(DelimitedFile file, AnonymizationSpecification specification) {
        requireNonNull(file, "file is null");
        requireNonNull(specification, "specification is null");
        Dataset<Row> read = spark.read().option("header", true).option("sep", String.valueOf(file.separator()))
                .option("encoding", file.charset().name())
                .option("multiLine", true).option("ignoreLeadingWhiteSpace", true).option("ignoreTrailingWhiteSpace", true)
                .option("mode", "FAILFAST").csv(file.path().toString());
        List<Column> cells = new ArrayList<>();
        for (String column : read.columns()) {
            // A UTF-8 byte order mark would otherwise stay on the first column's name.
            cells.add(coalesce(col("`" + column + "`"), lit("")).as(column.replace("\uFEFF", "")));
        }
        // Numbered before anything else runs, so the output keeps the input's order.
        cells.add(monotonically_increasing_id().as(ROW_NUMBER));
        return new SparkAnonymization(spark, specification).release(read.select(cells.toArray(Column[]::new)));
    }

    /** Writes every row, suppressed ones as {@code *}, in the input's order. */
    void write(Release release, DelimitedFile output) throws IOException {
        Dataset<Row> rows = release.withSuppressedRecords().orderBy(ROW_NUMBER).drop(ROW_NUMBER);
        List<String> columns = Arrays.asList(rows.columns());
        Iterator<Row> iterator = rows.toLocalIterator();
        output.write(columns, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public String[] next() {
                return TextRows.cells(iterator.next(), columns.size());
            }
        });
    }
}
