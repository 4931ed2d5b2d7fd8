package org.ebpmlake.pipelines.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSourcesTest {
    private final SampleSources sources = new SampleSources(7, 500, LocalDate.of(2025, 3, 31));

    @Test
    void theSameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        List<SourceFile> one = sources.writeTo(first);
        List<SourceFile> two = sources.writeTo(second);

        assertThat(one).hasSameSizeAs(two);
        for (int index = 0; index < one.size(); index++) {
            assertThat(Files.readAllBytes(one.get(index).path())).isEqualTo(Files.readAllBytes(two.get(index).path()));
        }
    }

    @Test
    void writesEverySourceTheLakeIngests(@TempDir Path directory) throws IOException {
        List<SourceFile> files = sources.writeTo(directory);

        assertThat(files).extracting(SourceFile::dataset).contains("residents", "schools", "students", "test_scores",
                "gps_pings", "kpi_actuals_reported");
        Path residents = files.get(0).path();
        assertThat(Files.readAllLines(residents)).hasSize(501);
        assertThat(Files.readAllLines(residents).get(1)).matches("R000000001,.*,271\\d\\d,.*");
    }
}
