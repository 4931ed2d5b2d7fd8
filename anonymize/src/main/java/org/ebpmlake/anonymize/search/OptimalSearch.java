package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import java.util.Optional;
import org.ebpmlake.anonymize.PrivacyModel;

/**
 * Finds the full-domain generalization of least value under the configured metric among those meeting the
 * models, proven optimal.
 *
 * <p>Two prunings keep it from checking every node, both safe for every metric, monotone or not:
 * <ul>
 * <li>Lower bounds. A node's bound never exceeds its value under any suppression within the limit
 * ({@link NodeMetric}), so nodes are visited in order of bound and the search ends once the bound reaches the
 * best value found: every node left has a value at least its bound. This needs no monotonicity of the metric:
 * ARX's Loss, AECS, discernibility, precision and entropy may all fall from a node to a coarser one once
 * records are suppressed, and nothing here assumes they do not; only the bound is compared, node by node.
 * <li>Predictive tagging, as in ARX's Flash. When the models are monotone — always without suppression,
 * and with suppression when a class meeting them keeps meeting them after any merge (k-anonymity, distinct
 * l-diversity) — a node that fails tags all its predecessors as failing and a node that passes tags all its
 * successors as passing, and a node of unknown status is settled by a binary search along a path up from it.
 * A tagged failure is never checked; a tagged pass without suppression, under a metric whose bound is its value
 * when nothing is suppressed, has its bound as its value and is not checked either. Tagging rests on the
 * models' monotonicity, never on the metric's: a tagged pass is still valued on its own (checked, or its exact
 * bound), as ARX's Flash only tags by the models and leaves the metric to the bound.
 * </ul>
 */
final class OptimalSearch {
    private static final byte UNKNOWN = 0;
    private static final byte ANONYMOUS = 1;
    private static final byte NOT_ANONYMOUS = 2;

    private final Lattice lattice;
    private final ClassGrouping grouping;
    private final NodeMetric metric;
    private final boolean monotone;
    private final boolean suppressionAllowed;
    /** The longest path up the lattice: one step per level above the bottom of every attribute. */
    private final int pathLength;
    private int[] tagStack = new int[1024];

    OptimalSearch(EncodedInput input, AnonymizationConfiguration configuration) {
        int[] levelCounts = new int[input.dimensions()];
        for (int attribute = 0; attribute < levelCounts.length; attribute++) {
            levelCounts[attribute] = input.attributes[attribute].levels();
        }
        this.lattice = new Lattice(levelCounts);
        this.pathLength = Arrays.stream(levelCounts).sum() - levelCounts.length + 1;
        this.metric = NodeMetric.of(input, configuration);
        long maximumSuppressed = configuration.maximumSuppressed(input.records);
        this.grouping = new ClassGrouping(input, metric, maximumSuppressed);
        this.suppressionAllowed = maximumSuppressed > 0;
        this.monotone = !suppressionAllowed
                || configuration.models().stream().allMatch(PrivacyModel::survivesMergingWithAnyClass);
    }

    SearchOutcome run() {
        int size = lattice.size();
        double[] bounds = new double[size];
        int[] heights = new int[size];
        int[] order = new int[size];
        // The nodes are numbered in mixed radix, so counting through them moves the levels like an odometer.
        int[] levels = new int[lattice.dimensions()];
        int height = 0;
        for (int node = 0; node < size; node++) {
            bounds[node] = metric.lowerBound(levels);
            heights[node] = height;
            order[node] = node;
            for (int attribute = 0; attribute < levels.length; attribute++) {
                if (levels[attribute] + 1 < lattice.levelCount(attribute)) {
                    levels[attribute]++;
                    height++;
                    break;
                }
                height -= levels[attribute];
                levels[attribute] = 0;
            }
        }
        NodeOrder.sort(order, bounds, heights);

        Checks checks = new Checks(size);
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int node : order) {
            if (best >= 0 && bounds[node] >= bestLoss) {
                break;
            }
            if (checks.tags[node] == UNKNOWN) {
                if (monotone) {
                    classifyAlongPath(node, bounds, checks);
                } else {
                    checks.check(node);
                }
            }
            if (checks.tags[node] == NOT_ANONYMOUS) {
                continue;
            }
            double loss;
            if (!suppressionAllowed && metric.boundIsExactWithoutSuppression()) {
                // Nothing is suppressed, so the value is the bound.
                loss = bounds[node];
            } else {
                loss = checks.loss(node);
            }
            if (best < 0 || loss < bestLoss) {
                bestLoss = loss;
                best = node;
            }
        }
        if (best < 0) {
            return new SearchOutcome(Optional.empty(), checks.count, size, true);
        }
        return new SearchOutcome(Optional.of(grouping.evaluate(lattice.levels(best))), checks.count, size, true);
    }

    /**
     * Flash's step: from a node of unknown status, a path upward through unknown nodes (the cheapest
     * successor each time), then a binary search along it. Since anonymity is monotone along the path, each
     * check settles half of what remains, and tagging settles much of the lattice around it.
     */
    private void classifyAlongPath(int start, double[] bounds, Checks checks) {
        int[] path = new int[pathLength];
        int length = 0;
        int current = start;
        while (current >= 0) {
            path[length++] = current;
            int next = -1;
            for (int attribute = 0; attribute < lattice.dimensions(); attribute++) {
                int successor = lattice.successor(current, attribute);
                if (successor >= 0 && checks.tags[successor] == UNKNOWN
                        && (next < 0 || bounds[successor] < bounds[next])) {
                    next = successor;
                }
            }
            current = next;
        }
        int low = 0;
        int high = length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int node = path[middle];
            if (checks.tags[node] == UNKNOWN) {
                checks.check(node);
            }
            if (checks.tags[node] == ANONYMOUS) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
    }

    /** The nodes checked so far: their tags, the loss of those checked and found anonymous, and the count. */
    private final class Checks {
        private final byte[] tags;
        private final double[] losses;
        private int count;

        Checks(int size) {
            tags = new byte[size];
            losses = new double[size];
            Arrays.fill(losses, Double.NaN);
        }

        void check(int node) {
            NodeEvaluation evaluation = grouping.evaluate(lattice.levels(node));
            count++;
            if (evaluation.anonymous()) {
                tag(tags, node, ANONYMOUS);
                losses[node] = evaluation.loss();
            } else {
                tag(tags, node, NOT_ANONYMOUS);
            }
        }

        /** The loss of an anonymous node, checking it if only a tag said it is anonymous. */
        double loss(int node) {
            if (Double.isNaN(losses[node])) {
                check(node);
            }
            return losses[node];
        }
    }

    /** Tags the node and, for monotone models, every node the tag is implied for. */
    private void tag(byte[] tags, int node, byte tag) {
        tags[node] = tag;
        if (!monotone) {
            return;
        }
        int[] pending = tagStack;
        int top = 0;
        pending[top++] = node;
        while (top > 0) {
            int current = pending[--top];
            for (int attribute = 0; attribute < lattice.dimensions(); attribute++) {
                int next;
                if (tag == ANONYMOUS) {
                    next = lattice.successor(current, attribute);
                } else {
                    next = lattice.predecessor(current, attribute);
                }
                if (next >= 0 && tags[next] != tag) {
                    tags[next] = tag;
                    if (top == pending.length) {
                        pending = Arrays.copyOf(pending, pending.length * 2);
                        tagStack = pending;
                    }
                    pending[top++] = next;
                }
            }
        }
    }
}
