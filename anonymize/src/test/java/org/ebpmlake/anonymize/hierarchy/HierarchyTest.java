package org.ebpmlake.anonymize.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyTest {
    private static Path adultHierarchy(String attribute) {
        return Paths.get(System.getenv("LAKE_REPO_ROOT"))
                .resolve("anonymize/src/test/resources/adult/adult_hierarchy_" + attribute + ".csv").normalize();
    }

    @Test
    void readsArxAgeHierarchyAndWritesItBackUnchanged(@TempDir Path directory) {
        Hierarchy age = HierarchyCsv.read(adultHierarchy("age"));
        Path copy = directory.resolve("age.csv");

        HierarchyCsv.write(age, copy);

        assertThat(age.levels()).isEqualTo(5);
        assertThat(age.generalize("3", 2)).contains("0-9");
        assertThat(HierarchyCsv.read(copy)).isEqualTo(age);
    }

    @Test
    void rejectsRowsOfDifferentLengthsNamingTheValue() {
        assertThatThrownBy(() -> HierarchyCsv.parse("a;x;*\nb;*\n", "test.csv"))
                .hasMessageContaining("test.csv").hasMessageContaining("'b'");
    }

    @Test
    void buildsNestedAgeIntervalsWithAnOpenTop() {
        Hierarchy ages = new IntervalHierarchyBuilder(0, 90, List.of(5, 10, 20)).build(100);

        assertThat(ages.rows().get(37)).containsExactly("37", "35-39", "30-39", "20-39", "*");
        assertThat(ages.rows().get(95)).containsExactly("95", "90+", "90+", "90+", "*");
        assertThat(ages.rows().get(88)).containsExactly("88", "85-89", "80-89", "80-89", "*");
    }

    @Test
    void buildsDayMonthYearForEveryDayOfTheRange() {
        Hierarchy dates = new DateHierarchyBuilder(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2)).build();

        assertThat(dates.size()).isEqualTo(3);
        assertThat(dates.rows().get(0)).containsExactly("2024-12-31", "2024-12", "2024", "*");
    }

    @Test
    void masksOneMoreTrailingCharacterPerLevel() {
        Hierarchy postal = new MaskingHierarchyBuilder('*').build(List.of("5300001", "5300002"));

        assertThat(postal.rows().get(0)).containsSequence("5300001", "530000*", "53000**");
        assertThat(postal.levels()).isEqualTo(8);
    }

    @Test
    void groupsWardsIntoDistrictsAndDistrictsIntoTheCity() {
        Hierarchy wards = new GroupingHierarchyBuilder()
                .level(Map.of("北区", "北部", "都島区", "北部", "中央区", "中心部"))
                .level(Map.of("北部", "大阪市", "中心部", "大阪市"))
                .build(List.of("北区", "都島区", "中央区"));

        assertThat(wards.rows().get(1)).containsExactly("都島区", "北部", "大阪市", "*");
        assertThatThrownBy(() -> new GroupingHierarchyBuilder().level(Map.of()).build(List.of("西区")))
                .hasMessageContaining("西区");
    }
}
