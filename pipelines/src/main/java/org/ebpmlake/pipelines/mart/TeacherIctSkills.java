package org.ebpmlake.pipelines.mart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * K01-06-1 教員の児童生徒のICT活用を指導する能力に対する肯定的な回答の割合: answers 4 (できる) and 3
 * (ややできる) among all answers of the teachers' ICT-skills survey, per survey year.
 */
record TeacherIctSkills() implements DerivedKpi {
    static final int LOWEST_POSITIVE_ANSWER = 3;

    @Override
    public String kpiId() {
        return "K01-06-1";
    }

    @Override
    public Dataset<Row> actuals(SparkSession spark, String catalog) {
        Dataset<Row> perYear = spark.table(new TableName(Zone.CURATED, "ict_skills_survey").in(catalog))
                .groupBy(col("survey_year").as("fiscal_year"))
                .agg(count(lit(1)).as("answers"), count(when(col("answer").geq(LOWEST_POSITIVE_ANSWER), lit(1))).as("positive"));
        return asActuals(perYear, col("positive").multiply(100.0).divide(col("answers")), "ict_skills_survey");
    }
}
