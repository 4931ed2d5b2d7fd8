package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebpmlake.lake.LakeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lake anonymize file} on the adult benchmark with ARX's hierarchies, as a steward would run it. */
class AnonymizeFileIT {
    private static final List<String> QUASI_IDENTIFIERS = List.of("sex", "age", "race", "marital-status",
            "education", "native-country", "workclass", "occupation");

    @Test
    void writesAFiveAnonymousFileAndAReportOfTheVerifiedTransformation(@TempDir Path directory) throws IOException {
        Path adult = LakeExtension.repositoryRoot().resolve("anonymize/src/test/resources/adult");
        Path output = directory.resolve("adult-k5.csv");
        Path report = directory.resolve("report.json");
        List<String> arguments = new ArrayList<>(List.of("anonymize", "file", adult.resolve("adult.csv").toString()));
        for (String column : QUASI_IDENTIFIERS) {
            arguments.add("--qi");
            arguments.add(column + "=" + adult.resolve("adult_hierarchy_" + column + ".csv"));
        }
        arguments.addAll(List.of("--k", "5", "--l-diversity", "salary-class=2", "--suppression-limit", "0.02",
                "--out", output.toString(), "--report", report.toString()));

        int exitCode = Lake.commandLine().execute(arguments.toArray(String[]::new));

        assertThat(exitCode).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("verified").asBoolean()).isTrue();
        assertThat(json.get("records").asLong()).isEqualTo(30162);
        assertThat(json.get("smallestClass").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(json.get("suppressedRecords").asLong()).isLessThanOrEqualTo(603);
        assertThat(json.get("transformation").size()).isEqualTo(8);
        assertThat(json.get("informationLoss").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("risks").get("prosecutor").get("highest").asDouble()).isLessThanOrEqualTo(0.2);
        assertThat(json.get("nodesChecked").asLong()).isPositive().isLessThan(json.get("latticeSize").asLong());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(30163);
        assertThat(lines.get(0)).isEqualTo(
                "sex;age;race;marital-status;education;native-country;workclass;occupation;salary-class");
    }

    @Test
    void writesNothingWhenNoGeneralizationCanMeetTheModels(@TempDir Path directory) {
        Path adult = LakeExtension.repositoryRoot().resolve("anonymize/src/test/resources/adult");
        Path output = directory.resolve("out.csv");

        int exitCode = Lake.commandLine().execute("anonymize", "file", adult.resolve("adult.csv").toString(),
                "--qi", "sex=" + adult.resolve("adult_hierarchy_sex.csv"), "--k", "2",
                "--l-diversity", "salary-class=3", "--suppression-limit", "0",
                "--out", output.toString(), "--report", directory.resolve("report.json").toString());

        assertThat(exitCode).isEqualTo(AnonymizeFileCommand.NO_SOLUTION);
        assertThat(output).doesNotExist();
    }

    /**
     * The Spark engine, forced here and chosen by itself when the file would not fit the memory budget, writes
     * exactly the file the in-memory engine writes: same rows in the same order, same report.
     */
    @Test
    void theSparkEngineWritesTheSameFileAndReportAsTheInMemoryEngine(@TempDir Path directory) throws IOException {
        Path adult = LakeExtension.repositoryRoot().resolve("anonymize/src/test/resources/adult");
        List<String> common = new ArrayList<>(List.of("anonymize", "file", adult.resolve("adult.csv").toString()));
        for (String column : List.of("sex", "age", "race", "marital-status", "education")) {
            common.add("--qi");
            common.add(column + "=" + adult.resolve("adult_hierarchy_" + column + ".csv"));
        }
        common.addAll(List.of("--k", "10", "--l-diversity", "salary-class=2", "--suppression-limit", "0.02"));

        assertThat(run(common, directory, "memory", "--engine", "memory")).isZero();
        // A budget of nothing holds no row, so auto hands the file to Spark.
        assertThat(run(common, directory, "auto", "--memory-budget-mb", "0")).isZero();

        assertThat(Files.readAllLines(directory.resolve("auto.csv"), StandardCharsets.UTF_8))
                .isEqualTo(Files.readAllLines(directory.resolve("memory.csv"), StandardCharsets.UTF_8)).hasSize(30163);
        JsonNode memory = new ObjectMapper().readTree(directory.resolve("memory.json").toFile());
        JsonNode spark = new ObjectMapper().readTree(directory.resolve("auto.json").toFile());
        assertThat(memory.get("engine").asText()).isEqualTo("memory");
        assertThat(spark.get("engine").asText()).isEqualTo("spark");
        assertThat(spark.get("engineReason").asText()).contains("too little for memory");
        for (String field : List.of("records", "transformation", "suppressedRecords", "classes", "smallestClass",
                "informationLoss", "attributeLoss", "discernibility", "risks", "verified")) {
            assertThat(spark.get(field)).as(field).isEqualTo(memory.get(field));
        }
        assertThat(spark.get("verified").asBoolean()).isTrue();
    }

    /** A CP932 file from a Japanese Excel, with Japanese values, through both engines: the same CP932 file out. */
    @Test
    void readsAndWritesCp932OnBothEngines(@TempDir Path directory) throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        List<String> lines = new ArrayList<>(List.of("区,年齢,来庁目的"));
        String[] wards = {"北区", "都島区", "福島区", "此花区"};
        for (int person = 0; person < 400; person++) {
            lines.add(wards[person % 4] + "," + (20 + person % 50) + "," + (person % 3 == 0 ? "転入" : "証明書"));
        }
        Path input = directory.resolve("来庁者.csv");
        Files.write(input, lines, cp932);
        Path wardHierarchy = directory.resolve("ward.csv");
        Files.write(wardHierarchy, List.of("北区;北部;*", "都島区;北部;*", "福島区;西部;*", "此花区;西部;*"), StandardCharsets.UTF_8);
        Path ageHierarchy = directory.resolve("age.csv");
        List<String> ages = new ArrayList<>();
        for (int age = 20; age < 70; age++) {
            ages.add(age + ";" + (age / 10 * 10) + "-" + (age / 10 * 10 + 9) + ";*");
        }
        Files.write(ageHierarchy, ages, StandardCharsets.UTF_8);
        List<String> common = List.of("anonymize", "file", input.toString(), "--qi", "区=" + wardHierarchy,
                "--qi", "年齢=" + ageHierarchy, "--k", "5", "--suppression-limit", "0.02");

        assertThat(run(common, directory, "memory", "--engine", "memory")).isZero();
        assertThat(run(common, directory, "spark", "--engine", "spark")).isZero();

        List<String> memory = Files.readAllLines(directory.resolve("memory.csv"), cp932);
        assertThat(memory).hasSize(401).startsWith("区,年齢,来庁目的");
        assertThat(memory.get(1)).matches("(北区|都島区|北部|\\*),[0-9*-]+,転入");
        assertThat(Files.readAllLines(directory.resolve("spark.csv"), cp932)).isEqualTo(memory);
    }

    private static int run(List<String> common, Path directory, String name, String... options) {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--out", directory.resolve(name + ".csv").toString(),
                "--report", directory.resolve(name + ".json").toString()));
        return Lake.commandLine().execute(arguments.toArray(String[]::new));
    }
}
