package org.ebpmlake.pipelines.ops;

import java.util.Locale;
import org.ebpmlake.schemas.LocalizedText;

/**
 * Where a delivered batch stands between raw and curated. The gate moves a pending batch to passed or blocked;
 * promotion moves an admitted batch to promoted; a steward waives or withdraws a batch, and a corrected delivery
 * supersedes it. Only admitted batches ever reach curated.
 */
public enum BatchStatus {
    /** Ingested, not yet checked by the gate. */
    PENDING(new LocalizedText("検査待ち", "pending")),
    /** The gate passed it; the next promotion takes it into curated. */
    PASSED(new LocalizedText("合格", "passed")),
    /** The gate blocked it: it stays out of curated until a steward acts. */
    BLOCKED(new LocalizedText("停止中（対応待ち）", "blocked")),
    /** Blocked, then accepted as it is by a steward, who said why. */
    WAIVED(new LocalizedText("例外として承認", "waived")),
    /** In curated. */
    PROMOTED(new LocalizedText("昇格済み", "promoted")),
    /** Taken back by a steward: never (again) in curated. */
    WITHDRAWN(new LocalizedText("取り下げ", "withdrawn")),
    /** Replaced by a corrected delivery: never (again) in curated. */
    SUPERSEDED(new LocalizedText("訂正版で差し替え", "superseded"));

    private final LocalizedText label;

    BatchStatus(LocalizedText label) {
        this.label = label;
    }

    /** Whether promotion takes the batch: passed, waived or already promoted. */
    public boolean admitted() {
        return switch (this) {
            case PASSED, WAIVED, PROMOTED -> true;
            case PENDING, BLOCKED, WITHDRAWN, SUPERSEDED -> false;
        };
    }

    /** Whether nothing more can happen to the batch. */
    public boolean closed() {
        return switch (this) {
            case WITHDRAWN, SUPERSEDED -> true;
            case PENDING, PASSED, BLOCKED, WAIVED, PROMOTED -> false;
        };
    }

    /** The word stored in {@code ops.batches.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalizedText label() {
        return label;
    }

    public static BatchStatus ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
