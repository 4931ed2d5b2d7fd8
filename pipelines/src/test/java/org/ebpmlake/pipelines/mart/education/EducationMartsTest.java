package org.ebpmlake.pipelines.mart.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.deid.PrivacyModelViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The education marts on the tiny sample (schools of 2 to 7 students a grade) with a minimum group of 5, so that
 * some groups are shown and some hidden; the verifier is also handed tables tampered with after suppression.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EducationMartsTest {
    private static final int MINIMUM_GROUP = 5;
    private TemporaryLake lake;
    private LakeSettings settings;

    @BeforeAll
    void curatedSample(TemporaryLake temporaryLake) {
        lake = SampleEducation.curated(temporaryLake);
        settings = lake.settings().withOption("lake.education.minimum-group", Integer.toString(MINIMUM_GROUP));
    }

    @Test
    void publishesEveryGroupWithSmallOnesAsSuppressedAndReportsTheVerdict() {
        new EducationMarts(lake.spark(), settings, SampleEducation.AS_OF, Clock.systemUTC()).build("run-test");

        for (String mart : List.of("education_scores", "education_device_use", "education_mood", "education_attendance")) {
            List<Row> rows = lake.spark().table(lake.table("mart." + mart)).collectAsList();
            assertThat(rows).as(mart).anySatisfy(row -> assertThat(row.<Boolean>getAs("suppressed")).isTrue());
            assertThat(rows).as(mart).anySatisfy(row -> assertThat(row.<Boolean>getAs("suppressed")).isFalse());
            String count = switch (mart) {
                case "education_scores" -> "students_tested";
                case "education_mood" -> "students_checked_in";
                default -> "students";
            };
            for (Row row : rows) {
                if (row.<Boolean>getAs("suppressed")) {
                    assertThat(row.isNullAt(row.fieldIndex(count))).as("%s hidden row shows no count", mart).isTrue();
                } else {
                    assertThat(row.<Long>getAs(count)).as("%s shown count", mart).isGreaterThanOrEqualTo(MINIMUM_GROUP);
                }
            }
        }
        assertThat(lake.spark().table(lake.table("mart.education_scores")).where("suppressed").select("mean_score", "score_median")
                .collectAsList()).allSatisfy(row -> assertThat(row.anyNull()).isTrue());
        List<Row> reports = lake.spark().table(lake.table("ops.privacy_reports")).where("table_name LIKE 'mart.education_%' AND run_id = 'run-test'").collectAsList();
        assertThat(reports).hasSize(5).allSatisfy(report -> {
            assertThat(report.<Boolean>getAs("verified")).isTrue();
            assertThat(report.<String>getAs("model")).isEqualTo("minimum group + complementary suppression");
        });
        assertThat(reports).anySatisfy(report -> assertThat(report.<String>getAs("transformation")).containsPattern("[1-9]\\d* suppressed to protect"));
    }

    @Test
    void theSameCuratedDataGiveTheSamePatternOnEveryBuild() {
        // Two patterns of the same data published on different days could be played against each other.
        List<BuiltMart> first = builder().buildAll();
        List<BuiltMart> second = builder().buildAll();

        for (int mart = 0; mart < first.size(); mart++) {
            assertThat(second.get(mart).rows()).as(first.get(mart).table().toString()).containsExactlyElementsOf(first.get(mart).rows());
        }
    }

    @Test
    void theVerifierFailsWhenAHiddenCellIsLeftAloneInItsMargins() {
        List<BuiltMart> marts = builder().buildAll();
        // The true counts: the same marts with nothing hidden (every tiny group has at least 2 students).
        Map<String, Long> trueCounts = new HashMap<>();
        for (Row row : new EducationMarts(lake.spark(), lake.settings().withOption("lake.education.minimum-group", "2"),
                SampleEducation.AS_OF, Clock.systemUTC()).buildAll().get(0).rows()) {
            trueCounts.put(id(row), row.getAs("students_tested"));
        }
        BuiltMart scores = marts.get(0);
        Row leftHidden = scores.rows().stream().filter(row -> row.<Boolean>getAs("suppressed") && "school".equals(row.getAs("area_level")))
                .findFirst().orElseThrow();
        // Every other hidden cell of its slice shown again with its true count: only the one cell stays hidden.
        List<Row> tampered = new ArrayList<>();
        for (Row row : scores.rows()) {
            boolean sameSlice = slice(row).equals(slice(leftHidden));
            tampered.add(row != leftHidden && sameSlice && row.<Boolean>getAs("suppressed") ? shown(row, row.fieldIndex("students_tested"), trueCounts.get(id(row))) : row);
        }
        marts.set(0, new BuiltMart(scores.table(), tampered));

        List<MartVerdict> verdicts = verifier().verify(marts);

        assertThat(verdicts.get(0).verified()).isFalse();
        assertThat(verdicts.get(0).problems()).anySatisfy(problem -> assertThat(problem)
                .contains("hidden cell " + id(leftHidden) + " can be worked out from the published margins"));
        assertThat(verdicts.subList(1, verdicts.size())).allSatisfy(verdict -> assertThat(verdict.verified()).isTrue());
    }

    @Test
    void theVerifierFailsWhenAGroupHiddenInOneMartIsShownInAnother() {
        List<BuiltMart> marts = builder().buildAll();
        BuiltMart deviceUse = marts.get(1);
        Row hidden = deviceUse.rows().stream().filter(row -> row.<Boolean>getAs("suppressed") && "school".equals(row.getAs("area_level")))
                .findFirst().orElseThrow();
        List<Row> tampered = new ArrayList<>();
        for (Row row : deviceUse.rows()) {
            tampered.add(row == hidden ? shown(row, row.fieldIndex("students"), 1L) : row);
        }
        marts.set(1, new BuiltMart(deviceUse.table(), tampered));

        List<MartVerdict> verdicts = verifier().verify(marts);

        assertThat(verdicts.get(1).problems()).anySatisfy(problem -> assertThat(problem).contains("hidden in one slice and shown in another"));
    }

    @Test
    void aFailedVerificationWritesNoMartAndReportsTheFailure() {
        long before = lake.spark().table(lake.table("mart.education_scores")).count();
        // The verifier holds the builder to a minimum group of 50, which the tiny sample's groups never reach.
        EducationMarts mismatched = new EducationMarts(lake.spark(), settings, SampleEducation.AS_OF, Clock.systemUTC(), 50);

        assertThatThrownBy(() -> mismatched.build("run-failing")).isInstanceOf(PrivacyModelViolationException.class)
                .hasMessageContaining("none was published").hasMessageContaining("under the minimum group of 50");

        assertThat(lake.spark().table(lake.table("mart.education_scores")).count()).isEqualTo(before);
        assertThat(lake.spark().table(lake.table("ops.privacy_reports")).where("run_id = 'run-failing'").collectAsList())
                .hasSize(5).anySatisfy(report -> assertThat(report.<Boolean>getAs("verified")).isFalse());
    }

    private EducationMarts builder() {
        return new EducationMarts(lake.spark(), settings, SampleEducation.AS_OF, Clock.systemUTC());
    }

    private EducationMartVerifier verifier() {
        return new EducationMartVerifier(lake.spark(), settings.catalogName(), MINIMUM_GROUP, 2024);
    }

    private static String id(Row row) {
        return slice(row) + "|" + row.getAs("area_level") + "|" + row.getAs("area_code");
    }

    private static String slice(Row row) {
        return row.get(row.fieldIndex("fiscal_year")) + "|" + row.getAs("subject") + "|" + row.get(row.fieldIndex("grade"));
    }

    /** The row shown again: suppressed false and the count at {@code countIndex} set. */
    private static Row shown(Row row, int countIndex, long count) {
        Object[] values = new Object[row.size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = row.get(index);
        }
        values[row.fieldIndex("suppressed")] = false;
        values[countIndex] = count;
        return new GenericRowWithSchema(values, row.schema());
    }
}
