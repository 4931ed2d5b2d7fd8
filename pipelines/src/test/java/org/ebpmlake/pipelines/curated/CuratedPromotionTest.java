package org.ebpmlake.pipelines.curated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.quality.QualityGate;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class CuratedPromotionTest {
    private static final String HEADER = "resident_id,name_kanji,name_kana,sex,birth_date,ward_code,town_name,household_id,"
            + "relation_to_head,nationality,moved_in_on,moved_in_from,my_number_card_issued_on\n";
    private final KeyedPseudonymizer pseudonymizer =
            new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef"));

    @Test
    void replacesIdsByKeyedPseudonymsAndLeavesNamesInRaw(TemporaryLake lake) throws IOException {
        ingest(lake, "residents_a.csv", HEADER
                + "R000000001,田中 翔太,タナカ ショウタ,1,1980-04-01,27128,中央本町1丁目,H00000001,世帯主,日本,,,2020-01-10\n");

        admit(lake, "residents");
        promotion(lake).promote("residents");

        Row curated = lake.spark().table(lake.table("curated.residents")).first();
        assertThat(curated.<String>getAs("resident_id_pseudonym")).isEqualTo(pseudonymizer.pseudonym("R000000001"));
        assertThat(curated.<String>getAs("household_id_pseudonym")).isEqualTo(pseudonymizer.pseudonym("H00000001"));
        List<String> columns = Arrays.asList(curated.schema().fieldNames());
        assertThat(columns).doesNotContain("resident_id", "name_kanji", "name_kana", "household_id", "_source_file");
        assertThat(curated.mkString("|")).doesNotContain("田中", "タナカ", "R000000001");
    }

    @Test
    void keepsTheLatestDeliveryOfEachKeyAndPromotingTwiceChangesNothing(TemporaryLake lake) throws IOException {
        ingest(lake, "residents_a.csv", HEADER
                + "R000000001,田中 翔太,タナカ ショウタ,1,1980-04-01,27128,中央本町1丁目,H00000001,世帯主,日本,,,\n"
                + "R000000002,田中 花子,タナカ ハナコ,2,1982-05-01,27128,中央本町1丁目,H00000001,妻,日本,,,\n");
        ingest(lake, "residents_b.csv", HEADER
                + "R000000001,田中 翔太,タナカ ショウタ,1,1980-04-01,27102,都島本町2丁目,H00000001,世帯主,日本,2025-01-05,大阪市中央区,\n");
        CuratedPromotion promotion = promotion(lake);
        admit(lake, "residents");

        StageOutput first = promotion.promote("residents");
        StageOutput second = promotion.promote("residents");

        assertThat(lake.count("curated.residents")).isEqualTo(2);
        assertThat(first.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.outcome()).as("the same admitted batches are not rewritten").isEqualTo(Outcome.SKIPPED);
        Row moved = lake.spark().table(lake.table("curated.residents"))
                .where("resident_id_pseudonym = '" + pseudonymizer.pseudonym("R000000001") + "'").first();
        assertThat(moved.<String>getAs("ward_code")).isEqualTo("27102");
    }

    @Test
    void addsTheSchoolYearBesideEachDateSoMarchAndAprilFallInDifferentYears(TemporaryLake lake) throws IOException {
        lake.withTables();
        // Check-ins refer to a student, and students to a school: both delivered and admitted first.
        deliver(lake, "schools", "schools.csv", "school_code,school_name,ward_code,school_type\nSCH1,第一小学校,27128,elementary\n");
        deliver(lake, "students", "students.csv", "student_id,school_code,grade,class_name,sex,birth_month\nS00000001,SCH1,3,1組,1,4\n");
        Path file = lake.directory().resolve("mood.csv");
        Files.writeString(file, "児童生徒番号,入力日,心の天気\nS00000001,2025-03-31,sunny\nS00000001,2025-04-01,cloudy\n", StandardCharsets.UTF_8);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest("mood_checkins", file);

        admit(lake, "mood_checkins");
        promotion(lake).promote("mood_checkins");

        List<Row> rows = lake.spark().table(lake.table("curated.mood_checkins")).orderBy("checked_on").collectAsList();
        assertThat(rows).extracting(row -> row.<Integer>getAs("school_year")).containsExactly(2024, 2025);
    }

    private void deliver(TemporaryLake lake, String dataset, String name, String content) throws IOException {
        Path file = lake.directory().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest(dataset, file);
        admit(lake, dataset);
        promotion(lake).promote(dataset);
    }

    /** Promotion takes only what the gate admitted: every test batch here is a good one. */
    private static void admit(TemporaryLake lake, String dataset) {
        assertThat(new QualityGate(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC())
                .check(dataset, "run-1").datasetBlocked()).isFalse();
    }

    private CuratedPromotion promotion(TemporaryLake lake) {
        return new CuratedPromotion(lake.spark(), lake.settings(), DatasetCatalog.load(), pseudonymizer);
    }

    private static void ingest(TemporaryLake lake, String name, String content) throws IOException {
        lake.withTables();
        Path file = lake.directory().resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        new RawIngestion(lake.spark(), lake.settings(), DatasetCatalog.load(), Clock.systemUTC()).ingest("residents", file);
    }
}
