package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import org.ebpmlake.schemas.QualityLevel;
import scala.Enumeration;
import scala.collection.immutable.List$;

/**
 * One declared check as a Deequ {@link Check} of a single constraint, named so the run log and the quality
 * page can say which check failed, and worded so a steward reads why in plain Japanese (or English).
 */
record DeclaredCheck(String name, QualityLevel level, MeasuredRows rows, Check check, FindingWording wording) {
    /** The rows a check's metric is a share of. */
    enum MeasuredRows {
        /** Every row the batch delivered, quarantined ones included. */
        READ,
        /** The rows ingest accepted into raw. */
        ACCEPTED
    }

    DeclaredCheck {
        requireNonNull(name, "name is null");
        requireNonNull(level, "level is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(check, "check is null");
        requireNonNull(wording, "wording is null");
    }

    /** An empty Deequ check of the level, to which the one constraint is added. */
    static Check empty(QualityLevel level, String name) {
        return new Check(deequLevel(level), name, List$.MODULE$.empty());
    }

    static Enumeration.Value deequLevel(QualityLevel level) {
        return switch (level) {
            case ERROR -> CheckLevel.Error();
            case WARNING -> CheckLevel.Warning();
        };
    }
}
