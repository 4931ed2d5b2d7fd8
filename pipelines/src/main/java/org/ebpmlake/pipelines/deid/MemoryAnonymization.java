package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.AnonymizationResult;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;

/**
 * The in-memory engine: the rows are collected to the driver, anonymized by {@link Anonymizer#anonymize} and
 * checked row by row against their input by the independent verifier.
 */
final class MemoryAnonymization implements Anonymization {
    private final SparkSession spark;
    private final AnonymizationSpecification specification;

    MemoryAnonymization(SparkSession spark, AnonymizationSpecification specification) {
        this.spark = requireNonNull(spark, "spark is null");
        this.specification = requireNonNull(specification, "specification is null");
    }

    @Override
    public Optional<Release> release(Dataset<Row> source) {
        requireNonNull(source, "source is null");
        List<String> columns = Arrays.asList(source.columns());
        List<String[]> rows = new ArrayList<>();
        for (Row row : source.collectAsList()) {
            rows.add(TextRows.cells(row, columns.size()));
        }
        Table input = new Table(columns, rows);
        List<QuasiIdentifier> quasiIdentifiers = specification.hierarchies().over(
                column -> rows.stream().map(row -> row[input.columnIndex(column)]).distinct().sorted().toList());
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(quasiIdentifiers, specification.models(),
                specification.suppressionLimit()).withMetric(specification.metric());
        Optional<AnonymizationResult> found = new Anonymizer(configuration).anonymize(input);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnonymizationResult result = found.get();
        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifiers, specification.models(),
                specification.suppressionLimit()).verify(input, result.output(), result.transformation());
        return Optional.of(new Release(result.plan(), verdict,
                spark.createDataFrame(marked(result), source.schema().add(Release.SUPPRESSED_FLAG, DataTypes.BooleanType, false))));
    }

    /** The output rows, each flagged whether the plan suppressed it. */
    private static List<Row> marked(AnonymizationResult result) {
        List<Row> marked = new ArrayList<>();
        for (int record = 0; record < result.output().rows().size(); record++) {
            String[] output = result.output().rows().get(record);
            Object[] cells = Arrays.copyOf(output, output.length + 1, Object[].class);
            cells[output.length] = result.suppressed(record);
            marked.add(RowFactory.create(cells));
        }
        return marked;
    }
}
