package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the builder's aggregations over the curated education tables. Every query may start from {@code roster}: one
 * row per student with school, ward and grade (the curated pseudonym links a student's rows; nothing else does).
 */
final class EducationSql {
    private final SparkSession spark;
    private final String curated;

    EducationSql(SparkSession spark, String catalog) {
        this.spark = requireNonNull(spark, "spark is null");
        this.curated = requireNonNull(catalog, "catalog is null") + ".curated";
    }

    /** Runs {@code body} (a query that may read the CTE {@code roster} and {@code ${curated}.<table>}) and collects it. */
    List<Row> collect(String body) {
        String roster = "WITH roster AS (SELECT s.student_id_pseudonym AS student, s.school_code, sc.ward_code, s.grade,"
                + " s.class_name FROM ${curated}.students s JOIN ${curated}.schools sc ON sc.school_code = s.school_code)\n";
        return spark.sql((roster + body).replace("${curated}", curated)).collectAsList();
    }

    /** Builds the same month text everywhere: {@code yyyy-MM}. */
    static String month(String dateColumn) {
        return "date_format(" + dateColumn + ", 'yyyy-MM')";
    }

    static AreaCell cell(Row row, String slice, String countColumn) {
        return new AreaCell(slice, AreaLevel.fromCode(row.getAs("area_level")), row.getAs("ward_code"), row.getAs("school_code"),
                row.<Long>getAs(countColumn));
    }
}
