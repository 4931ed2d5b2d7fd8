package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** K01-05-1 マイナンバーカードの交付枚数率: registered residents holding a card issued by the as-of date. */
record MyNumberCardRate(LocalDate asOf) implements DerivedKpi {
    MyNumberCardRate {
        requireNonNull(asOf, "asOf is null");
    }

    @Override
    public String kpiId() {
        return "K01-05-1";
    }

    @Override
    public Dataset<Row> actuals(SparkSession spark, String catalog) {
        Dataset<Row> perYear = spark.table(new TableName(Zone.CURATED, "residents").in(catalog))
                .agg(count(lit(1)).as("residents"),
                        count(when(col("my_number_card_issued_on").leq(lit(asOf.toString()).cast("date")), lit(1))).as("holders"))
                .where(col("residents").gt(0))
                .withColumn("fiscal_year", FiscalYears.of(lit(asOf.toString()).cast("date")));
        return asActuals(perYear, col("holders").multiply(100.0).divide(col("residents")), "residents");
    }
}
