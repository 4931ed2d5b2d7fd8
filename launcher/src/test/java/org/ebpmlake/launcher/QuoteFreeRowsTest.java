package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.lake.LakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-splitting reader must read every quote-free UTF-8 file exactly as Commons CSV does. */
class QuoteFreeRowsTest {
    /** Values with the whitespace Commons CSV strips (ASCII, tab, the ideographic space) and some it keeps. */
    private static final String[] VALUES = {"", "30", " 30", "30 ", "北区", "　北区　", "\t外国", "a b", "1,5", "Ａ",
            "\u00a0x", "-", "△1,000", "*", "x\u3000"};
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @Test
    void readsEveryGeneratedFileAsCommonsCsvDoes(@TempDir Path directory) throws IOException {
        SplittableRandom random = new SplittableRandom(20261129L);
        for (int trial = 0; trial < 300; trial++) {
            char separator = ";,\t|".charAt(random.nextInt(4));
            int columns = 1 + random.nextInt(4);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (random.nextInt(4) == 0) {
                bytes.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            }
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                text.append(column == 0 ? "" : separator).append(random.nextInt(3) == 0 ? " c" + column : "c" + column);
            }
            int rows = 1 + random.nextInt(6);
            for (int row = 0; row < rows; row++) {
                text.append(LINE_ENDS[random.nextInt(3)]);
                if (random.nextInt(6) == 0) {
                    text.append(LINE_ENDS[random.nextInt(3)]);
                }
                for (int column = 0; column < columns; column++) {
                    String value = VALUES[random.nextInt(VALUES.length)];
                    if (value.indexOf(separator) >= 0) {
                        value = "v";
                    }
                    text.append(column == 0 ? "" : separator).append(value);
                }
            }
            if (random.nextBoolean()) {
                text.append(LINE_ENDS[random.nextInt(3)]);
            }
            bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            Path file = directory.resolve("trial" + trial + ".csv");
            Files.write(file, bytes.toByteArray());
            DelimitedFile delimited = DelimitedFile.detect(file, Optional.of(separator));

            Optional<Table> quoteFree = delimited.readQuoteFree();
            Table commons = delimited.readWithCommonsCsv();
            // The same file cut into parts of a few bytes, as a large file is cut to be read on every core.
            List<String[]> inParts = new QuoteFreeRows(file, bytes.toByteArray(), bytes.toByteArray()[0] == (byte) 0xef ? 3 : 0,
                    separator, 1 + random.nextInt(8)).rows(commons.columns());

            assertThat(quoteFree).as("trial %d: %s", trial, text).isPresent();
            assertThat(quoteFree.get().columns()).as("trial %d", trial).isEqualTo(commons.columns());
            assertThat(quoteFree.get().rows()).as("trial %d: %s", trial, text).hasSameSizeAs(commons.rows());
            assertThat(inParts).as("trial %d in parts: %s", trial, text).hasSameSizeAs(commons.rows());
            for (int row = 0; row < commons.rows().size(); row++) {
                assertThat(quoteFree.get().rows().get(row)).as("trial %d row %d: %s", trial, row, text)
                        .containsExactly(commons.rows().get(row));
                assertThat(inParts.get(row)).as("trial %d row %d in parts: %s", trial, row, text)
                        .containsExactly(commons.rows().get(row));
            }
        }
    }

    @Test
    void aFileWithAQuoteIsLeftToCommonsCsv(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("quoted.csv");
        Files.writeString(file, "ward,note\n北区,\"a, b\"\n", StandardCharsets.UTF_8);
        DelimitedFile delimited = DelimitedFile.detect(file);

        assertThat(delimited.readQuoteFree()).isEmpty();
        assertThat(delimited.read().rows().get(0)).containsExactly("北区", "a, b");
    }

    @Test
    void aRowWithTooFewValuesIsRefusedWithItsPhysicalLine(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("short.csv");
        Files.writeString(file, "age;ward\r\n30;北区\r\n\r\n41\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DelimitedFile.detect(file).read()).isInstanceOf(LakeException.class)
                .hasMessageContaining("short.csv line 4: 1 項目、見出しは 2 項目 / has 1 fields, the header 2");
    }

    @Test
    void aBadLineInALaterPartIsNamedByItsLineInTheFile(@TempDir Path directory) {
        byte[] content = "age;ward\r\n30;北区\r\n\r\n31;中央区\n32;西区\r33\n34;東区\n".getBytes(StandardCharsets.UTF_8);
        QuoteFreeRows inParts = new QuoteFreeRows(directory.resolve("parts.csv"), content, 0, ';', 4);

        assertThatThrownBy(() -> inParts.rows(List.of("age", "ward"))).isInstanceOf(LakeException.class)
                .hasMessageContaining("parts.csv line 6: 1 項目");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLineAndColumn(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Past the first 64 KiB, from which the encoding is judged to be UTF-8.
        bytes.writeBytes(("age;ward\n" + "30;北区\n".repeat(8_000) + "31;").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xe5, (byte) 0x8c});
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> DelimitedFile.detect(file).read()).isInstanceOf(LakeException.class)
                .hasMessageContaining("broken.csv line 8002, column ward");
    }

    @Test
    void repeatedValuesShareOneString(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("wards.csv");
        Files.writeString(file, "ward\n北区\n北区\n", StandardCharsets.UTF_8);

        List<String[]> rows = DelimitedFile.detect(file).read().rows();

        assertThat(rows.get(0)[0]).isSameAs(rows.get(1)[0]);
    }
}
