package org.ebpmlake.anonymize.search;

/**
 * Sorts lattice nodes by lower bound, then height, then number, on primitive arrays: a lattice of millions of
 * nodes sorted through boxed integers and a comparator would cost more than searching it. The tie-breaks make
 * the order, and so the optimum among equal losses, the same in every engine and run.
 */
final class NodeOrder {
    private NodeOrder() {
    }

    static void sort(int[] nodes, double[] bounds, int[] heights) {
        int[] buffer = new int[nodes.length];
        int[] source = nodes;
        int[] target = buffer;
        for (int width = 1; width < nodes.length; width *= 2) {
            for (int low = 0; low < nodes.length; low += 2 * width) {
                int middle = Math.min(low + width, nodes.length);
                int high = Math.min(low + 2 * width, nodes.length);
                merge(source, target, low, middle, high, bounds, heights);
            }
            int[] swap = source;
            source = target;
            target = swap;
        }
        if (source != nodes) {
            System.arraycopy(source, 0, nodes, 0, nodes.length);
        }
    }

    private static void merge(int[] source, int[] target, int low, int middle, int high, double[] bounds, int[] heights) {
        int left = low;
        int right = middle;
        for (int index = low; index < high; index++) {
            if (left < middle && (right >= high || !before(source[right], source[left], bounds, heights))) {
                target[index] = source[left++];
            } else {
                target[index] = source[right++];
            }
        }
    }

    /** Whether node {@code first} comes strictly before node {@code second}. */
    private static boolean before(int first, int second, double[] bounds, int[] heights) {
        int byBound = Double.compare(bounds[first], bounds[second]);
        if (byBound != 0) {
            return byBound < 0;
        }
        if (heights[first] != heights[second]) {
            return heights[first] < heights[second];
        }
        return first < second;
    }
}
