package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * K01-06-2 授業日において学習者用端末を毎日使用した学校の割合: schools whose students logged learning on every
 * school day of the fiscal year, out of all schools. School days are the days with any learning log in the
 * city; statements reach their school through the student pseudonym, which curated tables share.
 */
record DailyDeviceUse() implements DerivedKpi {
    @Override
    public String kpiId() {
        return "K01-06-2";
    }

    @Override
    public Dataset<Row> actuals(SparkSession spark, String catalog) {
        Dataset<Row> logDays = spark.table(new TableName(Zone.CURATED, "learning_logs").in(catalog))
                .select(col("student_id_pseudonym"), to_date(col("stated_at")).as("school_day"))
                .withColumn("fiscal_year", FiscalYears.of(col("school_day")));
        Dataset<Row> schoolDays = logDays.groupBy("fiscal_year").agg(countDistinct("school_day").as("school_days"));
        Dataset<Row> students = spark.table(new TableName(Zone.CURATED, "students").in(catalog))
                .select(col("student_id_pseudonym"), col("school_code"));
        Dataset<Row> daysPerSchool = logDays.join(students, "student_id_pseudonym")
                .groupBy("fiscal_year", "school_code").agg(countDistinct("school_day").as("days_used"));
        long schools = spark.table(new TableName(Zone.CURATED, "schools").in(catalog)).count();
        Dataset<Row> perYear = schoolDays.join(daysPerSchool, "fiscal_year")
                .groupBy("fiscal_year")
                .agg(count(when(col("days_used").equalTo(col("school_days")), lit(1))).as("every_day"))
                .where(lit(schools).gt(0));
        return asActuals(perYear, col("every_day").multiply(100.0).divide(lit(Math.max(1, schools))), "learning_logs");
    }
}
