package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * What a data steward decides about a batch the gate held, each recorded in {@code ops.batches} with who (the
 * ledger's OS user) and why: waive a blocked batch (promote it as it is), withdraw a batch (never promote it, or
 * take it out of curated again), or link a corrected delivery to the batch it supersedes. Curated follows at the
 * next promotion. A person's mistake (an unknown batch, a batch in the wrong state, no reason) is a one-line
 * {@link LakeException} saying what to do.
 */
public final class StewardDecisions {
    private static final int RECENT = 5;

    private final BatchLedger ledger;
    private final DatasetCatalog datasets;

    public StewardDecisions(BatchLedger ledger, DatasetCatalog datasets) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    public BatchRecord waive(String batchId, String reason) {
        BatchRecord batch = find(batchId);
        requireReason(reason);
        if (batch.status() != BatchStatus.BLOCKED) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "バッチ " + batch.batchId() + " は「" + batch.status().label().ja()
                    + "」です。例外として承認できるのは停止中のバッチだけです / batch " + batch.batchId() + " is "
                    + batch.status().code() + ": only a blocked batch can be waived");
        }
        return ledger.record(ledger.event(batch, BatchStatus.WAIVED, reason.strip(), Optional.empty(), Optional.empty()));
    }

    public BatchRecord withdraw(String batchId, String reason) {
        BatchRecord batch = find(batchId);
        requireReason(reason);
        requireOpen(batch, "取り下げ", "withdrawn");
        return ledger.record(ledger.event(batch, BatchStatus.WITHDRAWN, reason.strip(), Optional.empty(), Optional.empty()));
    }

    /** Records that {@code correctedBatchId}, a delivery of the same dataset, replaces {@code batchId}. */
    public BatchRecord supersede(String batchId, String correctedBatchId, String reason) {
        BatchRecord batch = find(batchId);
        BatchRecord corrected = find(correctedBatchId);
        requireReason(reason);
        if (!corrected.dataset().equals(batch.dataset()) || corrected.batchId().equals(batch.batchId())) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "訂正版は同じデータセットの別のバッチでなければなりません / the corrected"
                    + " delivery must be another batch of the same dataset: " + batch.batchId() + " is " + batch.dataset()
                    + ", " + corrected.batchId() + " is " + corrected.dataset());
        }
        requireOpen(batch, "差し替え", "superseded");
        return ledger.record(ledger.event(batch, BatchStatus.SUPERSEDED, reason.strip(), Optional.empty(),
                Optional.of(corrected.batchId())));
    }

    /** The batch with this id; an unknown id fails with the recent batches of the dataset it names. */
    public BatchRecord find(String batchId) {
        requireNonNull(batchId, "batchId is null");
        Optional<BatchRecord> found = ledger.find(batchId.strip());
        if (found.isPresent()) {
            return found.get();
        }
        Optional<DatasetDeclaration> dataset = datasets.datasets().stream()
                .filter(declared -> batchId.startsWith(declared.name() + "-"))
                .max(Comparator.comparingInt(declared -> declared.name().length()));
        List<BatchRecord> recent = ledger.recent(dataset.map(DatasetDeclaration::name), RECENT);
        String where = dataset.map(declared -> " (" + declared.name() + ")").orElse("");
        String listed = recent.stream().map(batch -> batch.batchId() + " " + batch.sourceFile() + " " + batch.status().code())
                .collect(Collectors.joining(", "));
        if (recent.isEmpty()) {
            listed = "none yet / まだありません";
        }
        throw new LakeException(ErrorCategory.UNKNOWN_NAME, "バッチ " + batchId + " はありません" + where + "。最近のバッチ / no batch "
                + batchId + where + "; recent batches: " + listed + " (./lake quality batches lists them all)");
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT,
                    "理由を書いてください / say why: --reason \"...\" (it is recorded with your user name)");
        }
    }

    private static void requireOpen(BatchRecord batch, String actionJa, String actionEn) {
        if (batch.status().closed()) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "バッチ " + batch.batchId() + " はすでに「" + batch.status().label().ja()
                    + "」のため" + actionJa + "できません / batch " + batch.batchId() + " is already " + batch.status().code()
                    + " and cannot be " + actionEn);
        }
    }
}
