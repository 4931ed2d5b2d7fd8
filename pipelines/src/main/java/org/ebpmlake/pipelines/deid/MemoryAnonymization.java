package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.AnonymizationResult;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
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
    private final PrivacyPolicy policy;
    private final Function<String, List<List<String>>> query;

    MemoryAnonymization(SparkSession spark, PrivacyPolicy policy, Function<String, List<List<String>>> query) {
        this.spark = requireNonNull(spark, "spark is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.query = requireNonNull(query, "query is null");
    }

    @Override
    public Optional<Release> release(Dataset<Row> source) {
        requireNonNull(source, "source is null");
        List<String> columns = Arrays.asList(source.columns());
        List<String[]> rows = new ArrayList<>();
        for (Row row : source.collectAsList()) {
            String[] cells = new String[columns.size()];
            for (int column = 0; column < cells.length; column++) {
                cells[column] = row.getString(column);
            }
            rows.add(cells);
        }
        Table input = new Table(columns, rows);
        List<QuasiIdentifier> quasiIdentifiers = policy.quasiIdentifiers(
                column -> rows.stream().map(row -> row[input.columnIndex(column)]).distinct().sorted().toList(), query);
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(quasiIdentifiers, policy.models(),
                policy.suppressionLimit());
        Optional<AnonymizationResult> found = new Anonymizer(configuration).anonymize(input);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnonymizationResult result = found.get();
        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifiers, policy.models(), policy.suppressionLimit())
                .verify(input, result.output(), result.transformation());
        return Optional.of(new Release(result.plan(), verdict,
                spark.createDataFrame(released(input, result), source.schema())));
    }

    /** The output rows of records whose class the plan does not suppress. */
    private static List<Row> released(Table input, AnonymizationResult result) {
        GeneralizationPlan plan = result.plan();
        List<String> quasiIdentifiers = plan.columns();
        List<Map<String, String>> generalizations = quasiIdentifiers.stream().map(plan::generalizationOf).toList();
        int[] columns = quasiIdentifiers.stream().mapToInt(input::columnIndex).toArray();
        List<Row> released = new ArrayList<>();
        for (int record = 0; record < input.rows().size(); record++) {
            String[] original = input.rows().get(record);
            List<String> key = new ArrayList<>(columns.length);
            for (int attribute = 0; attribute < columns.length; attribute++) {
                key.add(generalizations.get(attribute).get(original[columns[attribute]]));
            }
            if (!plan.suppressedClasses().contains(key)) {
                released.add(RowFactory.create((Object[]) result.output().rows().get(record)));
            }
        }
        return released;
    }
}
