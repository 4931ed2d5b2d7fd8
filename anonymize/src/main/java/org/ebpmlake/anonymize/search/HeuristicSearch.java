package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.ebpmlake.anonymize.encoding.CodeTuple;

/**
 * The search for lattices too large to enumerate (15 and more quasi-identifiers give billions of nodes): a
 * bounded best-first walk up from the bottom in order of lower bound, as ARX's Lightning does. A node that meets
 * the models becomes a candidate and is not expanded; one that fails opens its successors. Only visited nodes
 * are held, never the whole lattice. When the budget of checks is spent without a candidate, a greedy climb
 * (always the successor of least bound) finds one. The result is not proven optimal, and says so, unless the
 * walk ended because no open node could beat the candidate without suppression. That proof holds for every
 * metric: a node never visited is coarser than an open node, whose bound (never falling up the lattice) is
 * already no better, or coarser than a candidate, and without suppression every metric here grows along
 * generalization (shares, levels and entropies grow, classes merge).
 */
final class HeuristicSearch {
    /** Nodes checked before the walk gives up the best-first order. */
    static final int DEFAULT_BUDGET = 1_500;

    private final ClassGrouping grouping;
    private final NodeMetric metric;
    private final int[] levelCounts;
    private final boolean suppressionAllowed;
    private final int budget;

    HeuristicSearch(EncodedInput input, AnonymizationConfiguration configuration, int budget) {
        this.metric = NodeMetric.of(input, configuration);
        long maximumSuppressed = configuration.maximumSuppressed(input.records);
        this.grouping = new ClassGrouping(input, metric, maximumSuppressed);
        this.suppressionAllowed = maximumSuppressed > 0;
        this.levelCounts = new int[input.dimensions()];
        for (int attribute = 0; attribute < levelCounts.length; attribute++) {
            levelCounts[attribute] = input.attributes[attribute].levels();
        }
        this.budget = budget;
    }

    SearchOutcome run() {
        long latticeSize = Lattice.nodes(levelCounts);
        PriorityQueue<OpenNode> open = new PriorityQueue<>();
        Set<CodeTuple> seen = new HashSet<>();
        int[] bottom = new int[levelCounts.length];
        open.add(new OpenNode(bottom, metric.lowerBound(bottom)));
        seen.add(new CodeTuple(bottom));
        Optional<NodeEvaluation> best = Optional.empty();
        long checked = 0;
        boolean provenByBound = false;
        while (checked < budget) {
            OpenNode node = open.poll();
            if (node == null) {
                break;
            }
            if (best.isPresent() && node.bound() >= best.get().loss()) {
                provenByBound = !suppressionAllowed;
                break;
            }
            NodeEvaluation evaluation = grouping.evaluate(node.levels());
            checked++;
            if (evaluation.anonymous()) {
                if (best.isEmpty() || evaluation.loss() < best.get().loss()) {
                    best = Optional.of(evaluation);
                }
                continue;
            }
            for (int attribute = 0; attribute < levelCounts.length; attribute++) {
                if (node.levels()[attribute] + 1 < levelCounts[attribute]) {
                    int[] successor = node.levels().clone();
                    successor[attribute]++;
                    if (seen.add(new CodeTuple(successor))) {
                        open.add(new OpenNode(successor, metric.lowerBound(successor)));
                    }
                }
            }
        }
        if (best.isEmpty()) {
            Climb climb = climb();
            best = climb.found();
            checked += climb.checked();
        }
        return new SearchOutcome(best, checked, latticeSize, provenByBound);
    }

    /** From the bottom, always to the successor of least bound, until a node meets the models or the top fails. */
    private Climb climb() {
        int[] current = new int[levelCounts.length];
        long checked = 0;
        while (true) {
            NodeEvaluation evaluation = grouping.evaluate(current);
            checked++;
            if (evaluation.anonymous()) {
                return new Climb(Optional.of(evaluation), checked);
            }
            int[] next = null;
            double nextBound = Double.POSITIVE_INFINITY;
            for (int attribute = 0; attribute < levelCounts.length; attribute++) {
                if (current[attribute] + 1 < levelCounts[attribute]) {
                    int[] successor = current.clone();
                    successor[attribute]++;
                    double bound = metric.lowerBound(successor);
                    if (bound < nextBound) {
                        next = successor;
                        nextBound = bound;
                    }
                }
            }
            if (next == null) {
                return new Climb(Optional.empty(), checked);
            }
            current = next;
        }
    }

    private record Climb(Optional<NodeEvaluation> found, long checked) {
    }

    /** A node waiting to be checked, ordered by lower bound, then height, then levels. */
    private record OpenNode(int[] levels, double bound) implements Comparable<OpenNode> {
        @Override
        public int compareTo(OpenNode other) {
            int byBound = Double.compare(bound, other.bound);
            if (byBound != 0) {
                return byBound;
            }
            int byHeight = Integer.compare(Arrays.stream(levels).sum(), Arrays.stream(other.levels).sum());
            if (byHeight != 0) {
                return byHeight;
            }
            return Arrays.compare(levels, other.levels);
        }
    }
}
