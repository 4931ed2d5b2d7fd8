package org.ebpmlake.pipelines.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class QualitySuggestionsTest {
    @Test
    void suggestsConstraintsForDeclaredColumnsButNeverForADirectIdentifier(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("raw.students") + " SELECT *, 'batch-1', 'students.csv', 1, 'hash-1',"
                + " TIMESTAMP '2025-04-01 09:00:00' FROM VALUES ('S001', 'SCH1', 3, '1組', '1', 4),"
                + " ('S002', 'SCH1', 3, '1組', '2', 11), ('S003', 'SCH2', 8, '2組', '2', 7)");

        List<String> suggestions = new QualitySuggestions(lake.spark(), lake.settings(), DatasetCatalog.load()).suggest("students");

        assertThat(suggestions).anySatisfy(line -> assertThat(line).startsWith("grade: ").contains(".isComplete(\"grade\")"));
        assertThat(suggestions).noneSatisfy(line -> assertThat(line).contains("student_id").contains("S001"));
        assertThat(String.join("\n", suggestions)).doesNotContain("S00");
    }
}
