package org.ebpmlake.pipelines.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.sources.PlantedEffects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationDeclarationsTest {
    private static final EvaluationDeclarations SHIPPED = new EvaluationDeclarations(Path.of("..", "conf", "evaluations"));

    @Test
    void theShippedEvaluationsDeclareTheUnitsTheSamplesPlantTheirEffectsIn() {
        assertThat(SHIPPED.all()).extracting(EvaluationDeclaration::id)
                .containsExactly("device_pilot_scores", "midosuji_dwell_share", "midosuji_footfall");
        for (String street : new String[] {"midosuji_footfall", "midosuji_dwell_share"}) {
            EvaluationDeclaration declaration = SHIPPED.named(street);
            assertThat(declaration.treatedUnits()).isEqualTo(PlantedEffects.PEDESTRIAN_STRETCH_CELLS);
            assertThat(declaration.interventionDate()).isEqualTo(PlantedEffects.STREET_CHANGE);
            assertThat(declaration.firstTreatedPeriodStart()).isEqualTo(LocalDate.of(2025, 3, 24));
        }
        EvaluationDeclaration pilot = SHIPPED.named("device_pilot_scores");
        assertThat(pilot.treatedUnits()).containsExactlyInAnyOrderElementsOf(PlantedEffects.DEVICE_PILOT_WARDS);
        assertThat(pilot.interventionDate()).isEqualTo(LocalDate.of(PlantedEffects.DEVICE_PILOT_FISCAL_YEAR, 4, 1));
        assertThat(pilot.where()).containsEntry("area_level", "ward").containsEntry("suppressed", "false");
    }

    @Test
    void anUnknownEvaluationIsAnsweredWithTheDeclaredOnes() {
        assertThatThrownBy(() -> SHIPPED.named("midosuji"))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("no evaluation 'midosuji'")
                .hasMessageContaining("midosuji_footfall")
                .satisfies(e -> assertThat(((LakeException) e).category()).isEqualTo(ErrorCategory.UNKNOWN_NAME));
    }

    /** A declaration the loader accepts, for the broken variants below. */
    private static final String VALID = """
            title: {ja: "試験", en: "test"}
            question: {ja: "問い", en: "question"}
            table: mart.footfall_cells_daily
            metric: visitors
            unit: mesh_code
            time: visit_date
            period: week
            treated: ["1"]
            intervention: 2025-03-20
            from: 2025-01-01
            to: 2025-12-31
            """;

    @Test
    void aBrokenDeclarationIsRefusedNamingTheFileAndTheField(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("test.yaml"), VALID);
        assertThat(new EvaluationDeclarations(directory).named("test").metric()).isEqualTo("visitors");

        Files.writeString(directory.resolve("test.yaml"), VALID.replace("metric: visitors\n", ""));
        assertThatThrownBy(() -> new EvaluationDeclarations(directory).named("test"))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("'metric' is missing");

        Files.writeString(directory.resolve("test.yaml"), VALID.replace("mart.footfall_cells_daily", "curated.residents"));
        assertThatThrownBy(() -> new EvaluationDeclarations(directory).all())
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("reads a mart or deid table, not curated.residents");

        Files.writeString(directory.resolve("test.yaml"), VALID.replace("period: week", "period: fortnight"));
        assertThatThrownBy(() -> new EvaluationDeclarations(directory).all())
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("period must be day, week, month or fiscal_year, got 'fortnight'");

        Files.writeString(directory.resolve("test.yaml"), VALID.replace("intervention: 2025-03-20", "intervention: 2024-12-20"));
        assertThatThrownBy(() -> new EvaluationDeclarations(directory).all())
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("must fall after 'from'");
    }

    @Test
    void aPlaceboUsesOnlyTheDataBeforeTheRealIntervention() {
        EvaluationDeclaration footfall = SHIPPED.named("midosuji_footfall");
        EvaluationDeclaration placebo = footfall.withPlaceboIntervention(LocalDate.of(2025, 3, 10));

        assertThat(placebo.interventionDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(placebo.to()).isEqualTo(LocalDate.of(2025, 3, 19));
        assertThatThrownBy(() -> footfall.withPlaceboIntervention(LocalDate.of(2025, 4, 1)))
                .hasMessageContaining("must fall before the intervention");
    }
}
