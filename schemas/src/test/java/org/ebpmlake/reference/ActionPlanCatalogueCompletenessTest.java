package org.ebpmlake.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ebpmlake.lake.LakeExtension;
import org.junit.jupiter.api.Test;

/**
 * Checks the reviewed KPI catalogue against the action plan's own text in {@code schemas/src/test/resources/action-plan} (see its SOURCE.txt): every
 * "達成目標及び評価指標" block of the plan is a measure of the catalogue, in the right VALUE area, and every
 * KPI points at a line of the plan that holds its text.
 */
class ActionPlanCatalogueCompletenessTest {
    /** Where each VALUE area's chapter begins: its roadmap heading (area 00 closes the plan). */
    private static final Map<String, String> AREA_HEADINGS = Map.of(
            "01", "# サービスの Re-Designの実現に向けたロードマップ",
            "02", "# あんしんの Re-Designの実現に向けたロードマップ",
            "03", "# つながりの Re-Designの実現に向けたロードマップ",
            "04", "# にぎわいの Re-Designの実現に向けたロードマップ",
            "05", "# やさしさの Re-Designの実現に向けたロードマップ",
            "06", "# しごと の Re-Designの実現に向けたロードマップ",
            "00", "# 「ええやん、DX」。 全職員でDXを");
    private static final String KPI_BLOCK = "達成目標及び評価指標";

    private final List<String> plan = readPlan();
    private final List<KpiDefinition> catalogue = KpiCatalogFile.load();

    @Test
    void everyKpiBlockOfThePlanIsAMeasureOfTheCatalogueInItsValueArea() {
        Map<String, Long> blocksPerArea = new TreeMap<>();
        for (int line = 0; line < plan.size(); line++) {
            if (plan.get(line).contains(KPI_BLOCK)) {
                blocksPerArea.merge(areaOfLine(line + 1), 1L, Long::sum);
            }
        }
        Map<String, Long> measuresPerArea = catalogue.stream()
                .collect(Collectors.groupingBy(KpiDefinition::valueArea, TreeMap::new,
                        Collectors.mapping(KpiDefinition::measureNo, Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));

        assertThat(measuresPerArea).isEqualTo(blocksPerArea);
        assertThat(blocksPerArea.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(41);
    }

    @Test
    void everyKpiPointsAtItsOwnTextInItsValueArea() {
        for (KpiDefinition kpi : catalogue) {
            int line = kpi.sourceLine().orElseThrow();
            assertThat(areaOfLine(line)).as("area of %s (line %d)", kpi.kpiId(), line).isEqualTo(kpi.valueArea());
            if (!kpi.kpiTextJa().isEmpty()) {
                String near = String.join("", plan.subList(line - 1, Math.min(plan.size(), line + 3))).replace(" ", "");
                assertThat(near).as("text of %s near line %d", kpi.kpiId(), line)
                        .contains(kpi.kpiTextJa().replace(" ", "").substring(0, Math.min(8, kpi.kpiTextJa().replace(" ", "").length())));
            }
        }
    }

    @Test
    void valuesMissingFromThePlanStayMissing() {
        KpiDefinition noBaseline = catalogue.stream().filter(kpi -> kpi.kpiId().equals("K02-01-1")).findFirst().orElseThrow();

        assertThat(noBaseline.baselineValue()).isEmpty();
        assertThat(noBaseline.targetValue()).isEmpty();
        assertThat(catalogue).filteredOn(kpi -> kpi.baselineText().contains("未導入"))
                .allSatisfy(kpi -> assertThat(kpi.baselineValue()).isEmpty());
    }

    private String areaOfLine(int oneBasedLine) {
        String area = "";
        int start = -1;
        for (Map.Entry<String, String> heading : AREA_HEADINGS.entrySet()) {
            int headingLine = firstLineStartingWith(heading.getValue());
            if (headingLine <= oneBasedLine && headingLine > start) {
                start = headingLine;
                area = heading.getKey();
            }
        }
        return area;
    }

    private int firstLineStartingWith(String prefix) {
        for (int line = 0; line < plan.size(); line++) {
            if (plan.get(line).startsWith(prefix)) {
                return line + 1;
            }
        }
        throw new IllegalStateException("the plan has no heading " + prefix);
    }

    private static List<String> readPlan() {
        Path seed = LakeExtension.repositoryRoot().resolve("schemas/src/test/resources/action-plan");
        try (var files = Files.list(seed)) {
            Path plan = files.filter(file -> file.toString().endsWith(".txt")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no action plan text in " + seed));
            return Files.readAllLines(plan);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the action plan under " + seed, e);
        }
    }
}
