package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/** How far apart two sensitive values are, for the earth mover's distance of t-closeness. */
public sealed interface GroundDistance {

    DistanceToOverall bind(SensitiveDomain domain);

    /** Every two different values are 1 apart: the distance is half the L1 distance of the distributions. */
    record Equal() implements GroundDistance {
        @Override
        public DistanceToOverall bind(SensitiveDomain domain) {
            long overallTotal = domain.total();
            return frequencies -> {
                long classTotal = 0;
                for (long frequency : frequencies) {
                    classTotal += frequency;
                }
                double sum = 0;
                for (int index = 0; index < frequencies.length; index++) {
                    sum += Math.abs((double) frequencies[index] / classTotal
                            - (double) domain.frequency(index) / overallTotal);
                }
                return sum / 2;
            };
        }

        @Override
        public String toString() {
            return "equal";
        }
    }

    /**
     * Values are ordered (numerically when every value is a number, else as text) and i positions apart are
     * i/(m−1) apart: the distance is Li et al.'s (1/(m−1)) Σ over the order of |the running sum of the differences|,
     * ARX's ordered-distance t-closeness.
     */
    record Ordered() implements GroundDistance {
        @Override
        public DistanceToOverall bind(SensitiveDomain domain) {
            List<String> values = domain.values();
            Integer[] order = new Integer[values.size()];
            for (int index = 0; index < order.length; index++) {
                order[index] = index;
            }
            java.util.Comparator<Integer> byText = java.util.Comparator.comparing(values::get);
            java.util.Comparator<Integer> byNumber = java.util.Comparator.comparingDouble(index -> Double.parseDouble(values.get(index)));
            if (values.stream().allMatch(value -> value.matches("-?\\d+(\\.\\d+)?"))) {
                java.util.Arrays.sort(order, byNumber);
            } else {
                java.util.Arrays.sort(order, byText);
            }
            long overallTotal = domain.total();
            int span = Math.max(1, values.size() - 1);
            return frequencies -> {
                long classTotal = 0;
                for (long frequency : frequencies) {
                    classTotal += frequency;
                }
                double running = 0;
                double sum = 0;
                for (int position = 0; position < order.length; position++) {
                    int index = order[position];
                    running += (double) frequencies[index] / classTotal - (double) domain.frequency(index) / overallTotal;
                    sum += Math.abs(running);
                }
                return sum / span;
            };
        }

        @Override
        public String toString() {
            return "ordered";
        }
    }

    /**
     * Values are as far apart as the level of their lowest common generalization, over the hierarchy's height;
     * the distance is Li et al.'s sum over the hierarchy's inner nodes of level/height × min(positive extra,
     * negative extra), as ARX computes it.
     */
    record Hierarchical(Hierarchy hierarchy) implements GroundDistance {
        public Hierarchical {
            requireNonNull(hierarchy, "hierarchy is null");
        }

        @Override
        public DistanceToOverall bind(SensitiveDomain domain) {
            List<String> values = domain.values();
            int height = hierarchy.topLevel();
            if (height < 1) {
                throw new IllegalArgumentException("a hierarchy for t-closeness needs at least two levels");
            }
            // parent[level][node at level-1] = node at level; nodes at level 0 are the domain's indexes.
            int[][] parent = new int[height + 1][];
            int[] nodesAtLevel = new int[height + 1];
            nodesAtLevel[0] = values.size();
            int[] current = new int[values.size()];
            for (int index = 0; index < current.length; index++) {
                current[index] = index;
            }
            for (int level = 1; level <= height; level++) {
                Map<String, Integer> nodes = new HashMap<>();
                parent[level] = new int[nodesAtLevel[level - 1]];
                for (int index = 0; index < values.size(); index++) {
                    String value = values.get(index);
                    int generalizationLevel = level;
                    String node = hierarchy.generalize(value, generalizationLevel).orElseThrow(() ->
                            new IllegalArgumentException("the t-closeness hierarchy has no value '" + value + "'"));
                    int nodeIndex = nodes.computeIfAbsent(node, key -> nodes.size());
                    parent[level][current[index]] = nodeIndex;
                    current[index] = nodeIndex;
                }
                nodesAtLevel[level] = nodes.size();
            }
            long overallTotal = domain.total();
            return frequencies -> {
                long classTotal = 0;
                for (long frequency : frequencies) {
                    classTotal += frequency;
                }
                double[] extra = new double[frequencies.length];
                for (int index = 0; index < extra.length; index++) {
                    extra[index] = (double) domain.frequency(index) / overallTotal - (double) frequencies[index] / classTotal;
                }
                double cost = 0;
                for (int level = 1; level <= height; level++) {
                    double[] positive = new double[nodesAtLevel[level]];
                    double[] negative = new double[nodesAtLevel[level]];
                    for (int child = 0; child < extra.length; child++) {
                        if (extra[child] > 0) {
                            positive[parent[level][child]] += extra[child];
                        } else {
                            negative[parent[level][child]] -= extra[child];
                        }
                    }
                    double[] next = new double[nodesAtLevel[level]];
                    for (int node = 0; node < next.length; node++) {
                        cost += (double) level / height * Math.min(positive[node], negative[node]);
                        next[node] = positive[node] - negative[node];
                    }
                    extra = next;
                }
                return cost;
            };
        }

        @Override
        public String toString() {
            return "hierarchical";
        }
    }
}
