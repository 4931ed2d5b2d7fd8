package org.ebpmlake.anonymize.search;

/**
 * The generalization lattice: one node per combination of levels, numbered in mixed radix so that a node's
 * successors and predecessors are one addition away.
 */
final class Lattice {
    private final int[] levelCounts;
    private final int[] strides;
    private final int size;

    Lattice(int[] levelCounts) {
        long nodes = nodes(levelCounts);
        if (nodes > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the lattice has more than " + Integer.MAX_VALUE / 2 + " nodes");
        }
        this.levelCounts = levelCounts.clone();
        this.strides = new int[levelCounts.length];
        int product = 1;
        for (int attribute = 0; attribute < levelCounts.length; attribute++) {
            strides[attribute] = product;
            product *= levelCounts[attribute];
        }
        this.size = product;
    }

    /** The number of nodes of a lattice with these level counts, {@link Long#MAX_VALUE} when it exceeds that. */
    static long nodes(int[] levelCounts) {
        long product = 1;
        for (int count : levelCounts) {
            if (product > Long.MAX_VALUE / count) {
                return Long.MAX_VALUE;
            }
            product *= count;
        }
        return product;
    }

    int size() {
        return size;
    }

    int dimensions() {
        return levelCounts.length;
    }

    /** How many levels the attribute's hierarchy has. */
    int levelCount(int attribute) {
        return levelCounts[attribute];
    }

    int[] levels(int node) {
        int[] levels = new int[levelCounts.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            levels[attribute] = node / strides[attribute] % levelCounts[attribute];
        }
        return levels;
    }

    /** The node one level coarser in the attribute, or -1 at the top. */
    int successor(int node, int attribute) {
        if (node / strides[attribute] % levelCounts[attribute] == levelCounts[attribute] - 1) {
            return -1;
        }
        return node + strides[attribute];
    }

    /** The node one level finer in the attribute, or -1 at the bottom. */
    int predecessor(int node, int attribute) {
        if (node / strides[attribute] % levelCounts[attribute] == 0) {
            return -1;
        }
        return node - strides[attribute];
    }
}
