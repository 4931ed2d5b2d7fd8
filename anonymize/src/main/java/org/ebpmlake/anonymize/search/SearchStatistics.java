package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the search went.
 *
 * @param nodesChecked lattice nodes whose equivalence classes were actually computed
 * @param optimal whether the transformation is proven to have the least loss (the search has no time limit,
 *     so it always is; a future heuristic search would say false)
 * @param encoding time spent encoding the input, before the search
 */
public record SearchStatistics(long latticeSize, long nodesChecked, boolean optimal, Duration encoding,
        Duration search) {
    public SearchStatistics {
        requireNonNull(encoding, "encoding is null");
        requireNonNull(search, "search is null");
    }
}
