package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import java.util.Optional;
import org.ebpmlake.anonymize.ClassCriterion;

/**
 * Checks lattice nodes: groups the input's tuples by their generalized codes, packed into one long per
 * tuple, then tests every equivalence class against the privacy models and suppresses the failing ones.
 * One instance is reused for every node of a search, so its buffers are allocated once.
 */
final class ClassGrouping {
    private final EncodedInput input;
    private final NodeMetric metric;
    private final long maximumSuppressed;
    private final PackedKeyIndex index;
    private static final int[] NO_TUPLE_MAPPING = new int[0];
    /** How many grouped nodes are kept to roll coarser ones up from. */
    private static final int SNAPSHOTS = 8;

    private final long[] keys;
    private final int[] classOfUnit;
    private final int[] tupleIdentity;
    private final long[] tupleWeights;
    private final long[] tuplePopulationWeights;
    private final Snapshot[] snapshots = new Snapshot[SNAPSHOTS];
    private int nextSnapshot;
    private int remembered;

    ClassGrouping(EncodedInput input, NodeMetric metric, long maximumSuppressed) {
        this.input = input;
        this.metric = metric;
        this.maximumSuppressed = maximumSuppressed;
        this.index = new PackedKeyIndex(input.tuples());
        this.keys = new long[input.tuples()];
        this.classOfUnit = new int[input.tuples()];
        this.tupleIdentity = new int[input.tuples()];
        this.tupleWeights = new long[input.tuples()];
        this.tuplePopulationWeights = input.populationCounts.clone();
        for (int tuple = 0; tuple < tupleIdentity.length; tuple++) {
            tupleIdentity[tuple] = tuple;
            tupleWeights[tuple] = input.tupleCounts[tuple];
        }
    }

    NodeEvaluation evaluate(int[] levels) {
        return evaluate(levels, group(levels));
    }

    /**
     * Evaluates a node whose classes are already grouped, possibly by another grouping of the same input:
     * the classes depend only on the tuples, the verdict on this grouping's models and limit.
     */
    NodeEvaluation evaluate(int[] levels, Classes classes) {
        boolean[] failing = failing(classes);
        long suppressed = 0;
        long keptClasses = 0;
        long smallest = Long.MAX_VALUE;
        for (int number = 0; number < classes.count; number++) {
            long size = classes.sizes[number];
            if (size == 0) {
                // A class of the population table alone: nothing is released from it.
                continue;
            }
            if (failing[number]) {
                suppressed += size;
            } else {
                keptClasses++;
                smallest = Math.min(smallest, size);
            }
        }
        NodeMetric.Score score = metric.score(levels, classes, failing, suppressed);
        return new NodeEvaluation(levels.clone(), suppressed <= maximumSuppressed, suppressed, keptClasses,
                keptClasses == 0 ? 0 : smallest, score.value(), score.attributeValues(),
                DiscernibilityMetric.discernibility(classes, failing, input.records));
    }

    /** Whether each tuple falls in a suppressed class at this node. */
    boolean[] suppressedTuples(int[] levels) {
        Classes classes = group(levels, false);
        boolean[] failing = failing(classes);
        boolean[] suppressed = new boolean[input.tuples()];
        for (int tuple = 0; tuple < suppressed.length; tuple++) {
            suppressed[tuple] = failing[classes.classOfTuple()[tuple]];
        }
        return suppressed;
    }

    /** The node's equivalence classes; valid until this grouping groups another node. */
    Classes group(int[] levels) {
        return group(levels, input.sensitiveDomainSizes.length == 0);
    }

    /**
     * Groups the node's classes. A node's classes are unions of the classes of any finer node, so when a finer
     * node was grouped recently its (usually far fewer) classes are merged instead of every tuple: ARX's
     * roll-up. Sensitive frequencies and the class of each tuple need the tuples, so then it groups those.
     */
    private Classes group(int[] levels, boolean rollUpAllowed) {
        int[] unitTuples = tupleIdentity;
        long[] unitWeights = tupleWeights;
        long[] unitPopulationWeights = tuplePopulationWeights;
        int units = input.tuples();
        boolean fromTuples = true;
        if (rollUpAllowed) {
            Optional<Snapshot> finer = closestFinerSnapshot(levels);
            if (finer.isPresent()) {
                unitTuples = finer.get().representatives();
                unitWeights = finer.get().sizes();
                unitPopulationWeights = finer.get().populationSizes();
                units = unitTuples.length;
                fromTuples = false;
            }
        }
        Arrays.fill(keys, 0, units, 0);
        long weight = 1;
        for (int attribute = 0; attribute < levels.length; attribute++) {
            int[] generalization = input.attributes[attribute].generalization(levels[attribute]);
            int[] codes = input.quasiIdentifierCodes[attribute];
            for (int unit = 0; unit < units; unit++) {
                keys[unit] += generalization[codes[unitTuples[unit]]] * weight;
            }
            weight *= input.attributes[attribute].generalizedDomainSize(levels[attribute]);
        }
        index.clear();
        for (int unit = 0; unit < units; unit++) {
            classOfUnit[unit] = index.numberOf(keys[unit]);
        }
        int count = index.size();
        long[] sizes = new long[count];
        long[] populationSizes = new long[count];
        int[] representatives = new int[count];
        Arrays.fill(representatives, -1);
        for (int unit = 0; unit < units; unit++) {
            int number = classOfUnit[unit];
            sizes[number] += unitWeights[unit];
            populationSizes[number] += unitPopulationWeights[unit];
            if (representatives[number] < 0) {
                representatives[number] = unitTuples[unit];
            }
        }
        remember(new Snapshot(levels.clone(), sizes, populationSizes, representatives));
        int[] classOfTuple = NO_TUPLE_MAPPING;
        if (fromTuples) {
            classOfTuple = classOfUnit;
        }
        return new Classes(count, sizes, populationSizes, representatives, classOfTuple);
    }

    /** The remembered node finer than or equal to the given one in every attribute with the fewest classes. */
    private Optional<Snapshot> closestFinerSnapshot(int[] levels) {
        Optional<Snapshot> best = Optional.empty();
        for (int slot = 0; slot < remembered; slot++) {
            Snapshot snapshot = snapshots[slot];
            if (snapshot.finerOrEqual(levels)
                    && (best.isEmpty() || snapshot.sizes().length < best.get().sizes().length)) {
                best = Optional.of(snapshot);
            }
        }
        return best;
    }

    private void remember(Snapshot snapshot) {
        snapshots[nextSnapshot] = snapshot;
        nextSnapshot = (nextSnapshot + 1) % snapshots.length;
        remembered = Math.max(remembered, nextSnapshot == 0 ? snapshots.length : nextSnapshot);
    }

    /** A grouped node's classes, kept for rolling up coarser nodes: each class's size and a tuple of it. */
    private record Snapshot(int[] levels, long[] sizes, long[] populationSizes, int[] representatives) {
        boolean finerOrEqual(int[] other) {
            for (int attribute = 0; attribute < levels.length; attribute++) {
                if (levels[attribute] > other[attribute]) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean[] failing(Classes classes) {
        int count = classes.count;
        long[] sizes = classes.sizes;
        int sensitiveCount = input.sensitiveDomainSizes.length;
        int[][] frequencies = new int[sensitiveCount][];
        for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
            int domain = input.sensitiveDomainSizes[sensitive];
            frequencies[sensitive] = new int[count * domain];
            int[] codes = input.sensitiveCodes[sensitive];
            for (int tuple = 0; tuple < input.tuples(); tuple++) {
                frequencies[sensitive][classes.classOfTuple[tuple] * domain + codes[tuple]] += input.tupleCounts[tuple];
            }
        }
        long[] none = new long[0];
        long[][] classFrequencies = new long[sensitiveCount][];
        for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
            classFrequencies[sensitive] = new long[input.sensitiveDomainSizes[sensitive]];
        }
        boolean[] failing = new boolean[count];
        for (int number = 0; number < count; number++) {
            for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
                int domain = input.sensitiveDomainSizes[sensitive];
                for (int code = 0; code < domain; code++) {
                    classFrequencies[sensitive][code] = frequencies[sensitive][number * domain + code];
                }
            }
            for (int criterion = 0; criterion < input.criteria.length && !failing[number]; criterion++) {
                ClassCriterion check = input.criteria[criterion];
                int sensitive = input.sensitiveOfCriterion[criterion];
                failing[number] = sizes[number] > 0 && !check.accepts(sizes[number], classes.populationSizes[number],
                        sensitive < 0 ? none : classFrequencies[sensitive]);
            }
        }
        return failing;
    }

    /**
     * Equivalence classes numbered 0..count-1: their sizes, a tuple of each, and each tuple's class (empty when
     * the classes were rolled up from a finer node's).
     */
    record Classes(int count, long[] sizes, long[] populationSizes, int[] representatives, int[] classOfTuple) {
    }
}
