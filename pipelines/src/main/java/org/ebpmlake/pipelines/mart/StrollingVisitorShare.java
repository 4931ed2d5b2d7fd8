package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** K04-04-1 御堂筋周辺エリアにおける回遊人口の割合: device-days staying 15 to 180 minutes, per fiscal year. */
record StrollingVisitorShare() implements DerivedKpi {
    @Override
    public String kpiId() {
        return "K04-04-1";
    }

    @Override
    public Dataset<Row> actuals(SparkSession spark, String catalog) {
        Dataset<Row> perYear = DwellSessions.of(spark.table(new TableName(Zone.CURATED, "gps_pings").in(catalog)))
                .groupBy(FiscalYears.of(col("visit_date")).as("fiscal_year"))
                .agg(count(lit(1)).as("sessions"), count(when(DwellSessions.strolling(), lit(1))).as("strolling"));
        return asActuals(perYear, col("strolling").multiply(100.0).divide(col("sessions")), "gps_pings");
    }
}
