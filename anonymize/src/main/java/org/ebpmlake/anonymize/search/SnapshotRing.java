package org.ebpmlake.anonymize.search;

import java.util.Optional;

/**
 * The last few grouped nodes of a search, kept so that a coarser node can be rolled up from one of them instead of
 * grouping every tuple again: when full, a new snapshot replaces the oldest.
 */
final class SnapshotRing {
    private final Snapshot[] snapshots;
    private int next;
    private int filled;

    SnapshotRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a snapshot ring holds at least one snapshot, not " + capacity);
        }
        snapshots = new Snapshot[capacity];
    }

    void remember(Snapshot snapshot) {
        snapshots[next] = snapshot;
        next = (next + 1) % snapshots.length;
        filled = Math.min(snapshots.length, filled + 1);
    }

    /**
     * Of the kept nodes finer than or equal to the given one in every attribute, the one with the fewest classes,
     * unless the given candidate has fewer still.
     */
    Optional<Snapshot> closestFiner(int[] levels, Optional<Snapshot> candidate) {
        Optional<Snapshot> best = candidate;
        for (int slot = 0; slot < filled; slot++) {
            Snapshot snapshot = snapshots[slot];
            if (snapshot.finerOrEqual(levels)
                    && (best.isEmpty() || snapshot.sizes().length < best.get().sizes().length)) {
                best = Optional.of(snapshot);
            }
        }
        return best;
    }

    /**
     * A grouped node's classes, kept for rolling up coarser nodes: each class's size (and population size), a tuple
     * of it and its sensitive-value counts.
     */
    record Snapshot(int[] levels, long[] sizes, long[] populationSizes, int[] representatives, long[][] frequencies) {
        boolean finerOrEqual(int[] other) {
            for (int attribute = 0; attribute < levels.length; attribute++) {
                if (levels[attribute] > other[attribute]) {
                    return false;
                }
            }
            return true;
        }
    }
}
