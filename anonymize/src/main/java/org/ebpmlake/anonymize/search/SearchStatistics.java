package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the search went.
 *
 * @param nodesChecked lattice nodes whose equivalence classes were actually computed
 * @param optimal whether the transformation is proven to have the least value under the metric: always for the
 *     exact search, and for the bounded heuristic on huge lattices only when its bound proved it
 * @param encoding time spent encoding the input, before the search
 */
public record SearchStatistics(long latticeSize, long nodesChecked, boolean optimal, Duration encoding,
        Duration search) {
    public SearchStatistics {
        requireNonNull(encoding, "encoding is null");
        requireNonNull(search, "search is null");
    }
}
