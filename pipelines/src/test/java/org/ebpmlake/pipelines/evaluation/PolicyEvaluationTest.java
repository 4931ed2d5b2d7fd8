package org.ebpmlake.pipelines.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.sources.PlantedEffects;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class PolicyEvaluationTest {
    private static final List<String> COMPARISON_CELLS = List.of("523503292", "523503294", "523503392", "523503394", "523503492",
            "523503494", "523504201", "523504203", "523504301", "523504303", "523504401", "523504403", "523504103", "523503194");
    private static final double EFFECT = Math.log(1.25);

    /**
     * A footfall panel as the mart holds it: five Mondays around the street change, each cell with its own size, a
     * common weekly swing, and the treated cells 25 % busier after the change. The Friday after the change falls in a
     * week begun before it; its rows (made absurdly large) must be left out, not counted as "before".
     */
    private static void writeFootfall(TemporaryLake lake) {
        SplittableRandom random = new SplittableRandom(42);
        List<String> values = new ArrayList<>();
        List<LocalDate> days = List.of(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 17),
                LocalDate.of(2025, 3, 21), LocalDate.of(2025, 3, 24), LocalDate.of(2025, 3, 31));
        List<String> cells = new ArrayList<>(PlantedEffects.PEDESTRIAN_STRETCH_CELLS.stream().sorted().toList());
        cells.addAll(COMPARISON_CELLS);
        double[] swing = days.stream().mapToDouble(day -> random.nextGaussian() * 0.2).toArray();
        for (String cell : cells) {
            double size = Math.log(40 + random.nextInt(200));
            boolean treated = PlantedEffects.PEDESTRIAN_STRETCH_CELLS.contains(cell);
            for (int index = 0; index < days.size(); index++) {
                LocalDate day = days.get(index);
                boolean after = !day.isBefore(PlantedEffects.STREET_CHANGE);
                double log = size + swing[index] + random.nextGaussian() * 0.05 + (treated && after ? EFFECT : 0)
                        + (day.getDayOfMonth() == 21 && treated ? 3 : 0);
                long visitors = Math.round(Math.exp(log));
                values.add("(date'" + day + "', '" + cell + "', " + visitors + ", " + visitors / 2 + ", 50.0)");
            }
        }
        lake.spark().sql("INSERT INTO " + lake.table("mart.footfall_cells_daily") + " VALUES " + String.join(", ", values));
    }

    @Test
    void estimatesTheDeclaredEvaluationOnTheMartAndStoresItsLatestResultOnce(TemporaryLake lake) {
        lake.withTables();
        writeFootfall(lake);
        EvaluationDeclaration footfall = EvaluationDeclarations.of(lake.settings()).named("midosuji_footfall");

        EvaluationOutcome outcome = new PolicyEvaluation(lake.spark(), lake.settings()).evaluate(footfall);

        assertThat(outcome.result().effect().contains(EFFECT)).as("%s holds log 1.25", outcome.result().effect()).isTrue();
        assertThat(outcome.result().effect().low()).isPositive();
        assertThat(outcome.panel().periodLabels()).containsExactly("2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31");
        assertThat(outcome.panel().firstTreatedPeriod()).isEqualTo(3);
        assertThat(outcome.result().treatedUnits()).isEqualTo(6);
        assertThat(outcome.result().comparisonUnits()).isEqualTo(COMPARISON_CELLS.size());
        assertThat(outcome.result().pretrendP()).isPresent();
        long snapshot = LakeSession.icebergCatalog(lake.spark(), lake.settings())
                .loadTable(new TableName(Zone.MART, "footfall_cells_daily").identifier()).currentSnapshot().snapshotId();
        assertThat(outcome.snapshotId()).isEqualTo(snapshot);

        EvaluationsMart mart = new EvaluationsMart(lake.spark(), lake.settings(), Clock.systemUTC());
        mart.store(List.of(outcome), "run-1");
        mart.store(List.of(outcome), "run-2");
        List<Row> stored = lake.spark().table(lake.table("mart.evaluations")).collectAsList();
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("run_id")).isEqualTo("run-2");
            assertThat(row.<Double>getAs("estimate")).isEqualTo(outcome.result().effect().estimate());
            assertThat(row.<Long>getAs("snapshot_id")).isEqualTo(snapshot);
        });
        assertThat(lake.spark().table(lake.table("mart.evaluation_periods")).count()).isEqualTo(5);

        EvaluationOutcome placebo = new PolicyEvaluation(lake.spark(), lake.settings())
                .evaluate(footfall.withPlaceboIntervention(LocalDate.of(2025, 3, 10)));
        assertThat(placebo.result().effect().contains(0.0)).as("placebo %s holds 0", placebo.result().effect()).isTrue();
    }

    @Test
    void aDeclarationTheTableDoesNotFitIsRefusedNamingTheColumn(TemporaryLake lake) {
        lake.withTables();
        writeFootfall(lake);
        EvaluationDeclaration footfall = EvaluationDeclarations.of(lake.settings()).named("midosuji_footfall");
        EvaluationDeclaration wrongMetric = new EvaluationDeclaration(footfall.id(), footfall.title(), footfall.question(), footfall.table(),
                "footfall", footfall.transform(), footfall.unitColumn(), footfall.timeColumn(), footfall.period(), Map.of(),
                footfall.treatedUnits(), footfall.comparisonUnits(), footfall.interventionDate(), footfall.from(), footfall.to(), 0.95);

        assertThatThrownBy(() -> new PolicyEvaluation(lake.spark(), lake.settings()).evaluate(wrongMetric))
                .isInstanceOf(LakeException.class)
                .hasMessageContaining("has no column 'footfall'")
                .hasMessageContaining("visitors");
    }

    @Test
    void anEvaluationOfATableNotYetBuiltSaysToRunTheLakeFirst(TemporaryLake lake) {
        lake.withTables();
        EvaluationDeclaration footfall = EvaluationDeclarations.of(lake.settings()).named("midosuji_footfall");

        assertThatThrownBy(() -> new PolicyEvaluation(lake.spark(), lake.settings()).evaluate(footfall))
                .isInstanceOf(LakeException.class)
                .satisfies(e -> assertThat(((LakeException) e).category()).isEqualTo(ErrorCategory.LAKE_NOT_BUILT))
                .hasMessageContaining("./lake run");
    }
}
