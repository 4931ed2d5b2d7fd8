package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.launcher.LakeScript.Finished;
import org.ebpmlake.pipelines.sources.PlantedEffects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The planner's path on the {@code small} sample, as a person runs it: {@code ./lake run} builds the lake and its
 * evaluations, {@code ./lake evaluate} recovers every planted effect and finds nothing at placebo dates, and
 * {@code ./lake notebooks} runs every notebook top to bottom (each asserts its own planted effect). The executed notebooks
 * are kept in {@code launcher/target/notebooks/} as build artifacts.
 */
@ExtendWith(LakeExtension.class)
class EvaluationNotebooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSmallLakesEvaluationsRecoverThePlantedEffectsAndTheNotebooksRunTopToBottom(TemporaryLake lake)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(LakeScript.environmentOf(lake));
        environment.put("LAKE_SAMPLE_SCALE", "small");
        environment.put("LAKE_NOTEBOOKS_DIRECTORY", lake.directory().resolve("notebooks").toString());

        Finished run = LakeScript.run(environment, "run");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.standardOutput()).contains("mart.evaluations").contains("3 of 3 evaluations stored");

        Map<String, Row> evaluations = lake.spark().table(lake.table("mart.evaluations")).collectAsList().stream()
                .collect(Collectors.toMap(row -> row.<String>getAs("evaluation_id"), row -> row));
        assertRecovered(evaluations.get("midosuji_footfall"), Math.log(PlantedEffects.STREET_FOOTFALL_FACTOR));
        assertRecovered(evaluations.get("midosuji_dwell_share"), PlantedEffects.STREET_DWELL_SHARE_POINTS);
        assertRecovered(evaluations.get("device_pilot_scores"), PlantedEffects.DEVICE_PILOT_SCORE_POINTS);
        assertThat(evaluations.get("midosuji_footfall").<Double>getAs("pretrend_p")).isGreaterThan(0.05);
        assertThat(evaluations.get("midosuji_dwell_share").<Double>getAs("pretrend_p")).isGreaterThan(0.05);
        assertThat(lake.settings().siteDirectory().resolve("evaluations.html")).content(StandardCharsets.UTF_8)
                .contains("御堂筋側道の歩行者空間化").contains("<svg class=\"event-study\"");

        for (String evaluation : List.of("midosuji_footfall", "midosuji_dwell_share")) {
            Finished placebo = LakeScript.run(environment, "evaluate", evaluation, "--placebo", "2025-03-10");
            assertThat(placebo.exitCode()).as(placebo.output()).isZero();
            assertThat(placebo.standardOutput()).as(placebo.output()).contains("区間が0を含む").contains("not stored");
        }
        Finished late = LakeScript.run(environment, "evaluate", "midosuji_footfall", "--placebo", "2025-04-10");
        assertThat(late.exitCode()).isEqualTo(2);
        assertThat(late.errorLines()).as(late.output()).singleElement().asString().contains("must fall before the intervention");
        Finished stored = LakeScript.run(environment, "evaluate");
        assertThat(stored.exitCode()).as(stored.output()).isZero();
        assertThat(lake.spark().table(lake.table("mart.evaluations")).count()).as("a re-evaluation replaces, adds nothing").isEqualTo(3);

        Path out = LakeExtension.repositoryRoot().resolve("launcher").resolve("target").resolve("notebooks");
        Finished notebooks = LakeScript.run(environment, "notebooks", "--out", out.toString());
        assertThat(notebooks.exitCode()).as(notebooks.output()).isZero();
        assertThat(notebooks.standardOutput()).contains("Iceberg catalog (PyIceberg)");
        for (String name : List.of("01_midosuji_did", "02_education_device_use", "03_kpi_review")) {
            Path executed = out.resolve(name + ".ipynb");
            assertThat(notebooks.standardOutput()).contains(name + ".ipynb");
            JsonNode root = JSON.readTree(executed.toFile());
            int codeCells = 0;
            for (JsonNode cell : root.get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    codeCells++;
                    assertThat(cell.get("execution_count").isNull()).as(name + " cell ran").isFalse();
                    for (JsonNode output : cell.get("outputs")) {
                        assertThat(output.get("output_type").asText()).as(name + ": " + output).isNotEqualTo("error");
                    }
                }
            }
            assertThat(codeCells).isGreaterThan(3);
            assertThat(Files.readString(executed)).contains("OK: ");
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.toList()) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                        .noneMatch(permission -> permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS"));
            }
        }

        // lakedata.py refuses what a planner may not read, before anything is opened.
        Path python = lake.directory().resolve("notebooks").resolve("venv").resolve("bin").resolve("python");
        Process refused = new ProcessBuilder(python.toString(), "-c", "from lakedata import Lake; Lake.open().table('curated.residents')")
                .directory(LakeExtension.repositoryRoot().resolve("notebooks").toFile()).redirectErrorStream(true).start();
        String refusal = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor()).isNotZero();
        assertThat(refusal).contains("PermissionError").contains("curated.residents");
    }

    private static void assertRecovered(Row evaluation, double planted) {
        double low = evaluation.getAs("ci_low");
        double high = evaluation.getAs("ci_high");
        assertThat(planted).as("%s planted %s in [%s, %s]", evaluation.<String>getAs("evaluation_id"), planted, low, high)
                .isBetween(low, high);
        assertThat(low).as("%s excludes 0", evaluation.<String>getAs("evaluation_id")).isPositive();
    }
}
