package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.ebpmlake.schemas.TableName;

/**
 * The verifier's finding on one education mart: its cells, how many are shown, hidden as small (primary) and hidden
 * to protect them (complementary), the smallest count shown, the narrowest range a reader can pin a hidden cell to,
 * and every problem found (empty when the mart may be published).
 */
public record MartVerdict(TableName table, long cells, long published, long primary, long complementary, long smallestPublished,
        double narrowestRange, List<String> problems) {
    public MartVerdict {
        requireNonNull(table, "table is null");
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    /** The verdict on two protected counts of the same mart (attendance's enrolment and its 30-day absentees). */
    public MartVerdict merge(MartVerdict other) {
        if (!table.equals(other.table)) {
            throw new IllegalArgumentException("cannot merge the verdicts of " + table + " and " + other.table);
        }
        List<String> all = new java.util.ArrayList<>(problems);
        all.addAll(other.problems);
        // 0 means "nothing shown", not a shown zero.
        long smallest = Math.min(smallestPublished, other.smallestPublished);
        if (smallestPublished == 0 || other.smallestPublished == 0) {
            smallest = Math.max(smallestPublished, other.smallestPublished);
        }
        return new MartVerdict(table, cells + other.cells, published + other.published, primary + other.primary,
                complementary + other.complementary, smallest, Math.min(narrowestRange, other.narrowestRange), all);
    }

    public boolean verified() {
        return problems.isEmpty();
    }
}
