package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * K06-10-1 データ活用環境を活用している部局の割合: departments with at least one successful query on a lake
 * table in {@code ops.query_log}, out of the city's departments ({@code lake.kpi.department-count}).
 */
record DepartmentsUsingData(int departments) implements DerivedKpi {
    DepartmentsUsingData {
        if (departments < 1) {
            throw new IllegalArgumentException("the number of departments must be positive, got " + departments);
        }
    }

    @Override
    public String kpiId() {
        return "K06-10-1";
    }

    @Override
    public Dataset<Row> actuals(SparkSession spark, String catalog) {
        Dataset<Row> perYear = spark.table(new TableName(Zone.OPS, "query_log").in(catalog))
                .where(col("query_state").equalTo("FINISHED").and(col("table_name").notEqual("")).and(col("department").isNotNull()))
                .groupBy(FiscalYears.of(col("created_at")).as("fiscal_year"))
                .agg(countDistinct(col("department")).as("using"));
        return asActuals(perYear, col("using").multiply(100.0).divide(departments), "query_log");
    }
}
