package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
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
        file.sibling(output).write(table);

        assertThat(file.separator()).isEqualTo(',');
        assertThat(table.columns()).containsExactly("ward", "age");
        assertThat(table.rows().get(0)).containsExactly("北区", "30,5");
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8))
                .isEqualTo(List.of("ward,age", "北区,\"30,5\"", "中央区,41"));
    }

    @Test
    void writesEveryCellThatASpreadsheetWouldRunAsInertTextAndLeavesNumbersAlone(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("in.csv");
        Files.writeString(input, "ward,note,change\n北区,=HYPERLINK(\"http://example.com\"),-5\n中央区,@SUM(A1),+81-6-1234\n",
                StandardCharsets.UTF_8);

        DelimitedFile file = DelimitedFile.detect(input);
        Path output = directory.resolve("out.csv");
        file.sibling(output).write(file.read());

        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).isEqualTo(List.of("ward,note,change",
                "北区,\"'=HYPERLINK(\"\"http://example.com\"\")\",-5", "中央区,'@SUM(A1),'+81-6-1234"));
    }

    @Test
    void detectsSemicolonsWhenTheHeaderHasMoreOfThem(@TempDir Path directory) throws IOException {
        Path input = directory.resolve("in.csv");
        Files.writeString(input, "sex;age;note\nMale;39;a,b\n", StandardCharsets.UTF_8);

        DelimitedFile file = DelimitedFile.detect(input);

        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.read().rows().get(0)).containsExactly("Male", "39", "a,b");
    }

    @Test
    void readsCp932AndUtf8WithAByteOrderMarkAndWritesEachBackInItsOwnEncoding(@TempDir Path directory) throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        Path shiftJis = directory.resolve("cp932.csv");
        Files.writeString(shiftJis, "区;年齢\n北区;３０\n中央区;41\n", cp932);
        Path marked = directory.resolve("bom.csv");
        Files.write(marked, ("\uFEFF区,年齢\n北区,30\n").getBytes(StandardCharsets.UTF_8));

        DelimitedFile cp932File = DelimitedFile.detect(shiftJis);
        DelimitedFile markedFile = DelimitedFile.detect(marked);
        cp932File.sibling(directory.resolve("cp932-out.csv")).write(cp932File.read());
        markedFile.sibling(directory.resolve("bom-out.csv")).write(markedFile.read());

        assertThat(cp932File.charset()).isEqualTo(cp932);
        assertThat(cp932File.separator()).isEqualTo(';');
        assertThat(cp932File.read().rows().get(0)).containsExactly("北区", "３０");
        assertThat(Files.readAllLines(directory.resolve("cp932-out.csv"), cp932)).containsExactly("区;年齢", "北区;３０", "中央区;41");
        assertThat(markedFile.header()).containsExactly("区", "年齢");
        assertThat(Files.readAllBytes(directory.resolve("bom-out.csv"))).isEqualTo(Files.readAllBytes(marked));
    }
}
