package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each derived KPI on a handful of planted rows whose answer is worked out by hand. */
@ExtendWith(LakeExtension.class)
class DerivedKpisTest {
    @Test
    void dailyDeviceUseCountsSchoolsWhoseStudentsLoggedOnEverySchoolDay(TemporaryLake lake) {
        lake.withTables();
        insert(lake, "curated.schools", List.of(Map.of("school_code", "A"), Map.of("school_code", "B"), Map.of("school_code", "C")));
        insert(lake, "curated.students", List.of(
                Map.of("student_id_pseudonym", "a1", "school_code", "A"),
                Map.of("student_id_pseudonym", "a2", "school_code", "A"),
                Map.of("student_id_pseudonym", "b1", "school_code", "B")));
        // School days of FY2024: 2025-03-03 and 2025-03-04. A logs on both (through different students), B only on the
        // first, C never: one school of three.
        insert(lake, "curated.learning_logs", List.of(
                Map.of("statement_id", "s1", "student_id_pseudonym", "a1", "stated_at", Instant.parse("2025-03-03T00:00:00Z")),
                Map.of("statement_id", "s2", "student_id_pseudonym", "a2", "stated_at", Instant.parse("2025-03-04T01:00:00Z")),
                Map.of("statement_id", "s3", "student_id_pseudonym", "b1", "stated_at", Instant.parse("2025-03-03T02:00:00Z"))));

        List<Row> actuals = new DailyDeviceUse().actuals(lake.spark(), lake.settings().catalogName()).collectAsList();

        assertThat(actuals).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("kpi_id")).isEqualTo("K01-06-2");
            assertThat(row.<Integer>getAs("fiscal_year")).isEqualTo(2024);
            assertThat(row.<Double>getAs("actual_value")).isCloseTo(100.0 / 3, within(1e-9));
            assertThat(row.<String>getAs("source")).isEqualTo("derived:learning_logs");
        });
    }

    @Test
    void teacherIctSkillsIsTheShareOfAnswersThreeOrFour(TemporaryLake lake) {
        lake.withTables();
        List<Map<String, Object>> answers = new ArrayList<>();
        int[][] yearAndAnswer = {{2024, 4}, {2024, 3}, {2024, 2}, {2024, 1}, {2024, 4}, {2023, 1}};
        for (int[] answer : yearAndAnswer) {
            answers.add(Map.of("teacher_id_pseudonym", "t" + answers.size(), "survey_year", answer[0], "answer", answer[1]));
        }
        insert(lake, "curated.ict_skills_survey", answers);

        List<Row> actuals = new TeacherIctSkills().actuals(lake.spark(), lake.settings().catalogName())
                .orderBy("fiscal_year").collectAsList();

        assertThat(actuals).extracting(row -> row.<Integer>getAs("fiscal_year")).containsExactly(2023, 2024);
        assertThat(actuals.get(0).<Double>getAs("actual_value")).isCloseTo(0.0, within(1e-9));
        assertThat(actuals.get(1).<Double>getAs("actual_value")).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void theCardRateAndTheFiscalYearFollowTheAsOfDate(TemporaryLake lake) {
        lake.withTables();
        insert(lake, "curated.residents", List.of(
                Map.of("resident_id_pseudonym", "r1", "my_number_card_issued_on", LocalDate.of(2020, 1, 1)),
                Map.of("resident_id_pseudonym", "r2", "my_number_card_issued_on", LocalDate.of(2025, 4, 2)),
                Map.of("resident_id_pseudonym", "r3"),
                Map.of("resident_id_pseudonym", "r4", "my_number_card_issued_on", LocalDate.of(2025, 3, 31))));

        Row rate = new MyNumberCardRate(LocalDate.of(2025, 3, 31)).actuals(lake.spark(), lake.settings().catalogName()).first();

        assertThat(rate.<Integer>getAs("fiscal_year")).isEqualTo(2024);
        assertThat(rate.<Double>getAs("actual_value")).isCloseTo(50.0, within(1e-9));
    }

    /** Appends rows given by column name; columns not named are null. */
    private static void insert(TemporaryLake lake, String table, List<Map<String, Object>> rows) {
        StructType schema = lake.spark().table(lake.table(table)).schema();
        List<Row> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object[] fields = new Object[schema.fields().length];
            for (int index = 0; index < fields.length; index++) {
                StructField field = schema.fields()[index];
                fields[index] = row.get(field.name());
            }
            values.add(RowFactory.create(fields));
        }
        TableWrites.append(lake.spark().createDataFrame(values, schema), lake.table(table));
    }
}
