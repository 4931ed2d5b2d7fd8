package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ebpmlake.anonymize.search.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedFileTest {
    @Test
    void readsACommaSeparatedFileAndWritesItBackWithCommas(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("in.csv");
        Files.writeString(input, "ward,age\n北区,\"30,5\"\n中央区,41\n", StandardCharsets.UTF_8);

        DelimitedFile file = DelimitedFile.detect(input);
        Table table = file.read();
        Path output = directory.resolve("out.csv");
        new DelimitedFile(output, file.separator()).write(table);

        assertThat(file.separator()).isEqualTo(',');
        assertThat(table.columns()).containsExactly("ward", "age");
        assertThat(table.rows().get(0)).containsExactly("北区", "30,5");
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8))
                .isEqualTo(List.of("ward,age", "北区,\"30,5\"", "中央区,41"));
    }

    @Test
    void detectsSemicolonsWhenTheHeaderHasMoreOfThem(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("in.csv");
        Files.writeString(input, "sex;age;note\nMale;39;a,b\n", StandardCharsets.UTF_8);

        DelimitedFile file = DelimitedFile.detect(input);

        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.read().rows().get(0)).containsExactly("Male", "39", "a,b");
    }
}
