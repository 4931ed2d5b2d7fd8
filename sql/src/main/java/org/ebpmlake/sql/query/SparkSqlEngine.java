package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.sql.access.Role;
import scala.runtime.AbstractPartialFunction;

/**
 * Runs statements on embedded Spark SQL with the lake's catalog as the default, so table names are the same
 * as on Trino ({@code mart.kpi_progress}). The role's grants are checked against every table the analyzed
 * plan reads, subqueries included, before anything runs. This is a guard for the local, single-user mode;
 * the enforcement planners rely on is Trino's.
 */
public final class SparkSqlEngine implements SqlEngine {
    private static final int MAXIMUM_ROWS = 10_000;

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Role role;

    public SparkSqlEngine(SparkSession spark, LakeSettings settings, Role role) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.role = requireNonNull(role, "role is null");
        spark.conf().set("spark.sql.defaultCatalog", settings.catalogName());
    }

    @Override
    public String name() {
        return "spark (embedded) as " + role.code();
    }

    @Override
    public QueryResult execute(String sql) {
        Dataset<Row> result = spark.sql(sql);
        for (DataSourceV2Relation relation : tablesRead(result.queryExecution().analyzed())) {
            Identifier table = relation.identifier().get();
            String[] namespace = table.namespace();
            String zone = namespace.length == 0 ? "" : namespace[namespace.length - 1];
            Optional<PrivacyTier> tier = Optional.ofNullable(relation.table().properties().get(PrivacyTier.TABLE_PROPERTY))
                    .map(PrivacyTier::fromCode);
            if (!role.canRead(zone, table.name(), tier)) {
                throw new AccessDeniedException(role.denial(zone, table.name()));
            }
        }
        List<String> columns = List.of(result.columns());
        List<List<String>> rows = new ArrayList<>();
        for (Row row : result.limit(MAXIMUM_ROWS).collectAsList()) {
            List<String> values = new ArrayList<>(columns.size());
            for (int column = 0; column < columns.size(); column++) {
                Object value = row.get(column);
                values.add(value == null ? "NULL" : value.toString());
            }
            rows.add(values);
        }
        return new QueryResult(columns, rows);
    }

    /** Every table relation the plan reads, subqueries included; the relation carries the table's properties. */
    private List<DataSourceV2Relation> tablesRead(LogicalPlan plan) {
        List<DataSourceV2Relation> tables = new ArrayList<>();
        scala.collection.Seq<DataSourceV2Relation> found = plan.collectWithSubqueries(
                new AbstractPartialFunction<LogicalPlan, DataSourceV2Relation>() {
            @Override
            public boolean isDefinedAt(LogicalPlan node) {
                return node instanceof DataSourceV2Relation relation && relation.identifier().isDefined();
            }

            @Override
            public DataSourceV2Relation apply(LogicalPlan node) {
                return (DataSourceV2Relation) node;
            }
        });
        scala.collection.JavaConverters.seqAsJavaList(found).forEach(tables::add);
        return tables;
    }

    @Override
    public void close() {
        // The session belongs to the caller.
    }
}
