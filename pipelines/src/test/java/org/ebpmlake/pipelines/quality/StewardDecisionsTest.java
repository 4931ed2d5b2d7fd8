package org.ebpmlake.pipelines.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class StewardDecisionsTest {
    private static final Instant DELIVERED = Instant.parse("2025-04-01T00:00:00Z");

    @Test
    void waivesOnlyABlockedBatchAndRecordsWhoAndWhy(TemporaryLake lake) {
        BatchLedger ledger = ledger(lake, "hanako");
        ledger.record(List.of(batch("students-aaaa", BatchStatus.BLOCKED), batch("students-bbbb", BatchStatus.PASSED)));
        StewardDecisions steward = new StewardDecisions(ledger, DatasetCatalog.load());

        BatchRecord waived = steward.waive("students-aaaa", "  the grades were checked with the school  ");

        assertThat(waived.status()).isEqualTo(BatchStatus.WAIVED);
        assertThat(waived.decidedBy()).isEqualTo("hanako");
        assertThat(waived.reason()).isEqualTo("the grades were checked with the school");
        assertThat(ledger.find("students-aaaa")).contains(waived);
        assertThatThrownBy(() -> steward.waive("students-bbbb", "why not"))
                .isInstanceOfSatisfying(LakeException.class, failure -> assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_ARGUMENT))
                .hasMessageContaining("only a blocked batch can be waived");
        assertThatThrownBy(() -> steward.withdraw("students-bbbb", " "))
                .isInstanceOf(LakeException.class).hasMessageContaining("--reason");
    }

    @Test
    void anUnknownBatchIsAnsweredWithTheRecentBatchesOfTheDatasetItNames(TemporaryLake lake) {
        BatchLedger ledger = ledger(lake, "hanako");
        ledger.record(List.of(batch("students-aaaa", BatchStatus.BLOCKED), batch("schools-cccc", BatchStatus.PROMOTED)));
        StewardDecisions steward = new StewardDecisions(ledger, DatasetCatalog.load());

        assertThatThrownBy(() -> steward.withdraw("students-zzzz", "mistake"))
                .isInstanceOfSatisfying(LakeException.class, failure -> assertThat(failure.category()).isEqualTo(ErrorCategory.UNKNOWN_NAME))
                .hasMessageContaining("no batch students-zzzz (students)").hasMessageContaining("students-aaaa students.csv blocked")
                .hasMessageNotContaining("schools-cccc");
    }

    @Test
    void aWithdrawnBatchCannotBeWithdrawnOrSupersededAgainAndACorrectionMustBeOfTheSameDataset(TemporaryLake lake) {
        BatchLedger ledger = ledger(lake, "hanako");
        ledger.record(List.of(batch("students-aaaa", BatchStatus.WITHDRAWN), batch("students-bbbb", BatchStatus.BLOCKED),
                batch("schools-cccc", BatchStatus.PROMOTED)));
        StewardDecisions steward = new StewardDecisions(ledger, DatasetCatalog.load());

        assertThatThrownBy(() -> steward.withdraw("students-aaaa", "again")).hasMessageContaining("already withdrawn");
        assertThatThrownBy(() -> steward.supersede("students-bbbb", "schools-cccc", "fixed"))
                .hasMessageContaining("another batch of the same dataset");
        assertThat(steward.supersede("students-bbbb", "students-aaaa", "fixed").supersededBy()).contains("students-aaaa");
    }

    private static BatchLedger ledger(TemporaryLake lake, String steward) {
        lake.withTables();
        return new BatchLedger(lake.spark(), lake.settings(), Clock.fixed(DELIVERED, ZoneOffset.UTC), steward);
    }

    private static BatchRecord batch(String batchId, BatchStatus status) {
        String dataset = batchId.substring(0, batchId.indexOf('-'));
        return new BatchRecord(dataset, batchId, 0, dataset + ".csv", DELIVERED, 10, 10, 0, status, "gate", "gate", DELIVERED,
                Optional.empty(), Optional.empty());
    }
}
