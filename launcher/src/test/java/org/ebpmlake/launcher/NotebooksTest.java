package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ebpmlake.lake.LakeExtension;
import org.junit.jupiter.api.Test;

/** The committed notebooks: no outputs, a Japanese title, and reads only of what a planner may read. */
class NotebooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TABLE_READ = Pattern.compile("lake\\.table\\(\\\\?\"([a-z_]+)\\.");

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(LakeExtension.repositoryRoot().resolve("notebooks"))) {
            return files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyNotebookIsCommittedWithoutOutputsAndOpensWithAJapaneseTitle() throws IOException {
        List<Path> notebooks = notebooks();
        assertThat(notebooks).extracting(path -> path.getFileName().toString())
                .containsExactly("01_midosuji_did.ipynb", "02_education_device_use.ipynb", "03_kpi_review.ipynb");
        for (Path notebook : notebooks) {
            JsonNode root = JSON.readTree(notebook.toFile());
            JsonNode first = root.get("cells").get(0);
            assertThat(first.get("cell_type").asText()).isEqualTo("markdown");
            String title = first.get("source").isArray() ? first.get("source").get(0).asText() : first.get("source").asText();
            assertThat(title).as(notebook + " title").startsWith("# ").matches("(?s).*[\\u3040-\\u30ff\\u4e00-\\u9fff].*");
            for (JsonNode cell : root.get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    assertThat(cell.get("outputs")).as(notebook + " outputs").isEmpty();
                    assertThat(cell.get("execution_count").isNull()).as(notebook + " execution count").isTrue();
                }
            }
        }
    }

    @Test
    void notebooksReadOnlyDeidentifiedTablesAndMarts() throws IOException {
        for (Path notebook : notebooks()) {
            String text = Files.readString(notebook);
            Matcher reads = TABLE_READ.matcher(text);
            int found = 0;
            while (reads.find()) {
                found++;
                assertThat(reads.group(1)).as(notebook + " reads").isIn("deid", "mart");
            }
            assertThat(found).as(notebook + " reads some table").isPositive();
            assertThat(text).as(notebook.toString()).doesNotContain("curated.").doesNotContain("raw.").doesNotContain("ops.");
        }
        assertThat(Files.readString(LakeExtension.repositoryRoot().resolve("notebooks").resolve("lakedata.py")))
                .contains("READABLE_ZONES = (\"deid\", \"mart\")");
    }
}
