package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.TupleCounts;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import scala.collection.JavaConverters;

/**
 * The engine for tables too large for the driver. Spark counts the distinct combinations of quasi-identifier
 * and sensitive values (a registry of millions of residents has some tens of thousands); the search runs on
 * those counts, which give the same optimum as the records; Spark applies the plan (each quasi-identifier
 * mapped to its level, the records of suppressed classes marked), and the verifier checks the released
 * table's own counts. Only counts ever reach the driver.
 */
public final class SparkAnonymization implements Anonymization {
    private static final String SUPPRESSED_FLAG = Release.SUPPRESSED_FLAG;

    private final SparkSession spark;
    private final AnonymizationSpecification specification;

    public SparkAnonymization(SparkSession spark, AnonymizationSpecification specification) {
        this.spark = requireNonNull(spark, "spark is null");
        this.specification = requireNonNull(specification, "specification is null");
    }

    @Override
    public Optional<Release> release(Dataset<Row> source) {
        requireNonNull(source, "source is null");
        List<String> counted = specification.engineColumns();
        TupleCounts input = counts(source, counted);
        List<QuasiIdentifier> quasiIdentifiers = specification.hierarchies().over(column -> distinctValues(input, column));
        Optional<GeneralizationPlan> found = new Anonymizer(new AnonymizationConfiguration(quasiIdentifiers,
                specification.models(), specification.suppressionLimit()).withMetric(specification.metric())).plan(input);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        GeneralizationPlan plan = found.get();
        // Applied twice, once counted for the verifier and once written: recomputing beats caching a city's rows.
        Dataset<Row> marked = applied(source, plan);
        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifiers, specification.models(),
                specification.suppressionLimit()).verify(counts(marked, counted), input.records(), plan.transformation());
        return Optional.of(new Release(plan, verdict, marked));
    }

    private static TupleCounts counts(Dataset<Row> table, List<String> columns) {
        Column[] grouping = columns.stream().map(functions::col).toArray(Column[]::new);
        List<String[]> rows = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Row row : table.groupBy(grouping).count().collectAsList()) {
            rows.add(TextRows.cells(row, columns.size()));
            counts.add(row.getLong(columns.size()));
        }
        return new TupleCounts(columns, rows, counts);
    }

    private static List<String> distinctValues(TupleCounts counts, String column) {
        int index = counts.columnIndex(column);
        TreeSet<String> values = new TreeSet<>();
        for (String[] row : counts.rows()) {
            values.add(row[index]);
        }
        return List.copyOf(values);
    }

    /** The source with every quasi-identifier generalized, suppressed classes' records all {@code *} and flagged. */
    private Dataset<Row> applied(Dataset<Row> source, GeneralizationPlan plan) {
        List<String> quasiIdentifiers = plan.columns();
        List<Column> generalized = new ArrayList<>();
        for (String column : source.columns()) {
            if (quasiIdentifiers.contains(column)) {
                generalized.add(element_at(mapping(plan.generalizationOf(column)), col(column)).as(column));
            } else {
                generalized.add(col(column));
            }
        }
        Dataset<Row> table = source.select(generalized.toArray(Column[]::new));
        Column flag;
        if (plan.suppressedClasses().isEmpty()) {
            flag = lit(false);
        } else {
            table = table.join(broadcast(suppressedClasses(plan)), JavaConverters.asScalaBuffer(quasiIdentifiers).toSeq(), "left");
            flag = col(SUPPRESSED_FLAG).isNotNull();
        }
        List<Column> marked = new ArrayList<>();
        for (String column : source.columns()) {
            if (quasiIdentifiers.contains(column)) {
                marked.add(when(flag, lit(Hierarchy.SUPPRESSED)).otherwise(col(column)).as(column));
            } else {
                marked.add(col(column));
            }
        }
        marked.add(flag.as(SUPPRESSED_FLAG));
        return table.select(marked.toArray(Column[]::new));
    }

    private Dataset<Row> suppressedClasses(GeneralizationPlan plan) {
        List<StructField> fields = new ArrayList<>();
        for (String column : plan.columns()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, false));
        }
        fields.add(DataTypes.createStructField(SUPPRESSED_FLAG, DataTypes.BooleanType, false));
        List<Row> rows = new ArrayList<>();
        for (List<String> key : plan.suppressedClasses()) {
            List<Object> cells = new ArrayList<>(key);
            cells.add(true);
            rows.add(RowFactory.create(cells.toArray()));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    private static Column mapping(Map<String, String> generalization) {
        Map<String, String> ordered = new HashMap<>(generalization);
        Column[] keys = ordered.keySet().stream().map(functions::lit).toArray(Column[]::new);
        Column[] values = ordered.keySet().stream().map(key -> lit(ordered.get(key))).toArray(Column[]::new);
        return map_from_arrays(functions.array(keys), functions.array(values));
    }
}
