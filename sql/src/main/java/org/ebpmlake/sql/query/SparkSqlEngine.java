package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.sql.access.Role;

/**
 * Runs statements on embedded Spark SQL with the lake's catalog as the default, so table names are the same
 * as on Trino ({@code mart.kpi_progress}). Nothing runs before {@link ReadOnlyStatementGuard} has passed the
 * statement twice: as parsed (query operators only, table names the role may read) and as analysed (every table
 * an Iceberg table of the lake the role may read). Only then is the analysed plan executed; {@code spark.sql} is
 * never called on the user's text, because it runs commands at once.
 */
public final class SparkSqlEngine implements SqlEngine {
    private static final int MAXIMUM_ROWS = 10_000;

    private final SparkSession spark;
    private final Role role;
    private final ReadOnlyStatementGuard guard;

    public SparkSqlEngine(SparkSession spark, LakeSettings settings, Role role) {
        this.spark = requireNonNull(spark, "spark is null");
        this.role = requireNonNull(role, "role is null");
        requireNonNull(settings, "settings is null");
        this.guard = new ReadOnlyStatementGuard(settings.catalogName(), role);
        spark.conf().set("spark.sql.defaultCatalog", settings.catalogName());
        // File-path sources (parquet.`/path`) are refused by the guard; this turns the feature off besides.
        spark.conf().set("spark.sql.runSQLOnFiles", "false");
    }

    @Override
    public String name() {
        return "spark (embedded) as " + role.code();
    }

    @Override
    public QueryResult execute(String sql) {
        requireNonNull(sql, "sql is null");
        Dataset<Row> result = Dataset.ofRows(spark, checkedPlan(sql));
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

    /** The statement's analysed plan, once the guard has passed it as parsed and as analysed; nothing has run yet. */
    private LogicalPlan checkedPlan(String sql) {
        LogicalPlan parsed;
        try {
            parsed = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "SQL の構文エラー / syntax error: " + e.getMessage(), e);
        }
        guard.checkParsed(parsed);
        LogicalPlan analyzed;
        try {
            analyzed = spark.sessionState().executePlan(parsed, CommandExecutionMode.SKIP()).analyzed();
        } catch (Exception e) {
            // Scala declares no checked exceptions: an unknown table or column arrives as a checked AnalysisException.
            if (e instanceof AnalysisException analysis) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, analysis.getMessage(), analysis);
            }
            throw e;
        }
        guard.checkAnalyzed(analyzed);
        return analyzed;
    }

    @Override
    public void close() {
        // The session belongs to the caller.
    }
}
