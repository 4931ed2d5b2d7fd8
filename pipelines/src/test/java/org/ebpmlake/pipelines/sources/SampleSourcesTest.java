package org.ebpmlake.pipelines.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.ebpmlake.lake.ParquetChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSourcesTest {
    private final SampleSources sources = new SampleSources(7, Scale.TINY, LocalDate.of(2025, 3, 31));

    @Test
    void theSameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        List<SourceFile> one = sources.writeTo(first);
        List<SourceFile> two = sources.writeTo(second);

        assertThat(one).hasSameSizeAs(two);
        for (int index = 0; index < one.size(); index++) {
            assertThat(Files.readAllBytes(one.get(index).path())).as(one.get(index).path().toString())
                    .isEqualTo(Files.readAllBytes(two.get(index).path()));
        }
    }

    /**
     * Byte identity across JVMs, which one test JVM cannot show by writing twice: parquet-mr orders a column chunk's
     * encodings by identity hash codes, so a chunk with more than one encoding gets a footer that varies from run to run
     * (seen as two lakes of the same samples holding different file hashes).
     */
    @Test
    void theParquetSampleHasOneEncodingPerColumnChunkSoItsBytesDoNotDependOnTheJvm(@TempDir Path directory) throws IOException {
        Path parquet = sources.writeTo(directory).stream().map(SourceFile::path)
                .filter(path -> path.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();

        assertThat(ParquetChunks.of(parquet.toUri().toString())).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.encodings()).as(chunk.column()).hasSize(1));
    }

    @Test
    void writesEverySourceTheLakeIngestsInItsRealFormat(@TempDir Path directory) throws IOException {
        List<SourceFile> files = sources.writeTo(directory);

        assertThat(files).extracting(SourceFile::dataset).contains("residents", "schools", "students", "test_scores",
                "learning_logs", "mood_checkins", "attendance", "nurse_visits", "ict_skills_survey", "gps_pings",
                "subway_exit_counts", "kpi_actuals_reported");
        assertThat(files).extracting(file -> file.path().getFileName().toString())
                .anyMatch(name -> name.endsWith(".xlsx"))
                .anyMatch(name -> name.endsWith(".parquet"))
                .anyMatch(name -> name.endsWith(".jsonl"));
        Path residents = files.get(0).path();
        assertThat(Files.readAllLines(residents)).hasSize(Scale.TINY.residents() + 1);
        assertThat(Files.readAllLines(residents).get(1)).matches("R000000001,.*,271\\d\\d,.*");
    }

    @Test
    void writesLearningLogsAsXapiStatements(@TempDir Path directory) throws IOException {
        Path log = sources.writeTo(directory).stream().filter(file -> file.dataset().equals("learning_logs"))
                .findFirst().orElseThrow().path();

        JsonNode statement = new ObjectMapper().readTree(Files.readAllLines(log).get(0));

        assertThat(statement.at("/actor/account/name").asText()).startsWith("S");
        assertThat(statement.at("/verb/id").asText()).startsWith("http://adlnet.gov/expapi/verbs/");
        assertThat(statement.at("/object/id").asText()).contains("/activities/");
        assertThat(statement.at("/timestamp").asText()).startsWith("2025-03-");
    }

    @Test
    void writesTheTeachersSurveyInCp932WithEraYears(@TempDir Path directory) throws IOException {
        Path survey = sources.writeTo(directory).stream().filter(file -> file.dataset().equals("ict_skills_survey"))
                .findFirst().orElseThrow().path();

        List<String> lines = Files.readAllLines(survey, Charset.forName("windows-31j"));

        assertThat(lines.get(0)).isEqualTo("教員番号,学校コード,調査年度,設問,回答");
        assertThat(lines.get(1)).contains(",令和6年度,A1,");
    }

    @Test
    void moreFootfallStaysAfterTheStreetChange(@TempDir Path directory) throws IOException {
        List<Path> days = sources.writeTo(directory).stream().filter(file -> file.dataset().equals("gps_pings"))
                .map(SourceFile::path).toList();

        assertThat(days).hasSize(2);
        assertThat(shareOfDevicesThatStay(days.get(1))).isGreaterThan(shareOfDevicesThatStay(days.get(0)));
    }

    /** Devices seen three or more times, i.e. that stayed a quarter of an hour or longer. */
    private static double shareOfDevicesThatStay(Path pings) throws IOException {
        java.util.Map<String, Long> pingsPerDevice = Files.readAllLines(pings).stream().skip(1)
                .collect(java.util.stream.Collectors.groupingBy(line -> line.substring(0, line.indexOf(',')),
                        java.util.stream.Collectors.counting()));
        return (double) pingsPerDevice.values().stream().filter(count -> count >= 3).count() / pingsPerDevice.size();
    }
}
