package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A KPI figure the lake computes from its own tables, one row per fiscal year with the columns of
 * {@code mart.kpi_actuals}: kpi_id, fiscal_year, actual_value, source ({@code derived:<table>}).
 */
interface DerivedKpi {
    String kpiId();

    Dataset<Row> actuals(SparkSession spark, String catalog);

    /** Shapes per-year figures ({@code fiscal_year} and a percentage column) into kpi_actuals rows. */
    default Dataset<Row> asActuals(Dataset<Row> perYear, Column percentage, String sourceTable) {
        return perYear.select(lit(kpiId()).as("kpi_id"), col("fiscal_year").cast("int").as("fiscal_year"),
                percentage.cast("double").as("actual_value"), lit("derived:" + sourceTable).as("source"));
    }
}
