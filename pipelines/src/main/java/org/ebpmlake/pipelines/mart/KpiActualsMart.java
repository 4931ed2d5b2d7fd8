package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code mart.kpi_actuals}: every KPI figure with its source — the departments' reports, and figures the
 * lake derives itself. Derived here: the My Number card issuance rate (K01-05-1) as the share of
 * registered residents holding a card issued on or before the as-of date; and the share of departments
 * using the data environment (K06-10-1) as the departments with at least one successful query on a lake
 * table in {@code ops.query_log} per fiscal year, out of {@code lake.kpi.department-count} (derived only
 * where that count is configured); and the share of Midosuji-area visitors who stay 15 to 180 minutes
 * (K04-04-1, 回遊人口の割合) over all device-days of each fiscal year in the GPS pings.
 */
public final class KpiActualsMart {
    public static final TableName TABLE = new TableName(Zone.MART, "kpi_actuals");
    static final String MY_NUMBER_CARD_RATE = "K01-05-1";
    static final String DEPARTMENTS_USING_DATA = "K06-10-1";
    static final String STROLLING_VISITORS = "K04-04-1";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final LocalDate asOf;

    public KpiActualsMart(SparkSession spark, LakeSettings settings, LocalDate asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    public StageOutput build() {
        String catalog = settings.catalogName();
        Dataset<Row> reported = spark.table(new TableName(Zone.CURATED, "kpi_actuals_reported").in(catalog))
                .select(col("kpi_id"), col("fiscal_year"), col("actual_value"), lit("reported").as("source"));
        Dataset<Row> residents = spark.table(new TableName(Zone.CURATED, "residents").in(catalog));
        int fiscalYear = asOf.getMonthValue() >= 4 ? asOf.getYear() : asOf.getYear() - 1;
        Dataset<Row> cardRate = residents
                .agg(count(lit(1)).as("residents"),
                        count(when(col("my_number_card_issued_on").leq(lit(asOf.toString()).cast("date")), lit(1))).as("holders"))
                .where(col("residents").gt(0))
                .select(lit(MY_NUMBER_CARD_RATE).as("kpi_id"), lit(fiscalYear).as("fiscal_year"),
                        col("holders").multiply(100.0).divide(col("residents")).as("actual_value"),
                        lit("derived:residents").as("source"));
        Dataset<Row> actuals = reported.unionByName(cardRate).unionByName(strollingShare(catalog));
        int departments = settings.intOption("lake.kpi.department-count", 0);
        if (departments > 0) {
            actuals = actuals.unionByName(departmentsUsingData(catalog, departments));
        }
        String table = TABLE.in(catalog);
        TableWrites.replaceAll(actuals, table);
        long rows = spark.table(table).count();
        return StageOutput.succeeded(rows, rows, "");
    }

    private Dataset<Row> strollingShare(String catalog) {
        Column fiscalYear = when(month(col("visit_date")).geq(4), year(col("visit_date"))).otherwise(year(col("visit_date")).minus(1));
        return DwellSessions.of(spark.table(new TableName(Zone.CURATED, "gps_pings").in(catalog)))
                .groupBy(fiscalYear.as("fiscal_year"))
                .agg(count(lit(1)).as("sessions"), count(when(DwellSessions.strolling(), lit(1))).as("strolling"))
                .select(lit(STROLLING_VISITORS).as("kpi_id"), col("fiscal_year"),
                        col("strolling").multiply(100.0).divide(col("sessions")).as("actual_value"),
                        lit("derived:gps_pings").as("source"));
    }

    private Dataset<Row> departmentsUsingData(String catalog, int departments) {
        Column local = from_utc_timestamp(col("created_at"), "Asia/Tokyo");
        Column fiscalYear = when(month(local).geq(4), year(local)).otherwise(year(local).minus(1));
        return spark.table(new TableName(Zone.OPS, "query_log").in(catalog))
                .where(col("query_state").equalTo("FINISHED").and(col("table_name").notEqual("")).and(col("department").isNotNull()))
                .groupBy(fiscalYear.as("fiscal_year"))
                .agg(countDistinct(col("department")).as("departments"))
                .select(lit(DEPARTMENTS_USING_DATA).as("kpi_id"), col("fiscal_year"),
                        col("departments").multiply(100.0).divide(departments).as("actual_value"),
                        lit("derived:query_log").as("source"));
    }
}
