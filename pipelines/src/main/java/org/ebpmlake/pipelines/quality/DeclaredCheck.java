package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import org.ebpmlake.schemas.QualityLevel;
import scala.Enumeration;
import scala.collection.immutable.List$;

/**
 * One declared check as a Deequ {@link Check} of a single constraint, named so the run log and the quality
 * page can say which check failed, and the rows it is about.
 */
record DeclaredCheck(String name, QualityLevel level, CheckedRows rows, Check check) {
    /** The rows a check looks at. */
    enum CheckedRows {
        /** The rows promotion would make current: one per key, latest delivery first. */
        CURRENT,
        /** Every row delivered to raw, with its batch id. */
        DELIVERED
    }

    DeclaredCheck {
        requireNonNull(name, "name is null");
        requireNonNull(level, "level is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(check, "check is null");
    }

    /** An empty Deequ check of the level, to which the one constraint is added. */
    static Check empty(QualityLevel level, String name) {
        return new Check(deequLevel(level), name, List$.MODULE$.empty());
    }

    private static Enumeration.Value deequLevel(QualityLevel level) {
        return switch (level) {
            case ERROR -> CheckLevel.Error();
            case WARNING -> CheckLevel.Warning();
        };
    }
}
