package org.ebpmlake.pipelines.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Taking back a failed batch's quarantined rows never takes another writer's commit with it. */
@ExtendWith(LakeExtension.class)
class QuarantineTableTest {
    @Test
    void undoingABatchAfterAnotherWriterCommittedKeepsTheirRowsAndBringsBackThePredecessors(TemporaryLake lake) {
        lake.withTables();
        QuarantineTable quarantine = new QuarantineTable(lake.spark(), lake.settings());
        quarantine.replaceFile("residents", "residents.csv", "hash-first", rows(lake, "residents", "residents.csv", "hash-first", 1, 2));
        Optional<Long> before = quarantine.currentSnapshot();

        // A corrected delivery of the same file replaces the first one's rows; then another dataset's writer commits.
        quarantine.replaceFile("residents", "residents.csv", "hash-corrected", rows(lake, "residents", "residents.csv", "hash-corrected", 5));
        quarantine.replaceFile("students", "students.csv", "hash-students", rows(lake, "students", "students.csv", "hash-students", 3));
        // The corrected delivery's raw commit failed: its quarantined rows go, the first delivery's come back.
        quarantine.undoBatch(before, "residents", "residents.csv", "hash-corrected");

        assertThat(lake.spark().sql("SELECT dataset, file_hash, line FROM " + lake.table("raw.quarantine") + " ORDER BY dataset, line")
                .collectAsList()).extracting(Object::toString)
                .containsExactly("[residents,hash-first,1]", "[residents,hash-first,2]", "[students,hash-students,3]");
    }

    @Test
    void undoingTheLastCommitGoesBackToTheSnapshotBefore(TemporaryLake lake) {
        lake.withTables();
        QuarantineTable quarantine = new QuarantineTable(lake.spark(), lake.settings());
        quarantine.replaceFile("residents", "residents.csv", "hash-first", rows(lake, "residents", "residents.csv", "hash-first", 1));
        Optional<Long> before = quarantine.currentSnapshot();
        quarantine.replaceFile("residents", "residents.csv", "hash-corrected", rows(lake, "residents", "residents.csv", "hash-corrected", 5));

        quarantine.undoBatch(before, "residents", "residents.csv", "hash-corrected");

        assertThat(quarantine.currentSnapshot()).isEqualTo(before);
        assertThat(lake.count("raw.quarantine")).isEqualTo(1);
    }

    private static Dataset<Row> rows(TemporaryLake lake, String dataset, String file, String hash, long... lines) {
        StringBuilder values = new StringBuilder();
        for (long line : lines) {
            values.append(values.isEmpty() ? "" : ", ").append("('").append(dataset).append("', 'batch-").append(hash).append("', '")
                    .append(file).append("', '").append(hash).append("', ").append(line)
                    .append(", 'age', 'not a number', 'x', TIMESTAMP '2025-03-31 00:00:00')");
        }
        return lake.spark().sql("SELECT * FROM VALUES " + values
                + " AS t(dataset, batch_id, source_file, file_hash, line, field, reason, raw_record, quarantined_at)")
                .selectExpr("dataset", "batch_id", "source_file", "file_hash", "CAST(line AS BIGINT) AS line", "field", "reason",
                        "raw_record", "quarantined_at");
    }
}
