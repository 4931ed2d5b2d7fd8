package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import java.util.Optional;
import org.ebpmlake.anonymize.ClassCriterion;
import org.ebpmlake.anonymize.encoding.PackedKeyIndex;
import org.ebpmlake.anonymize.search.SnapshotRing.Snapshot;

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
    private static final long[][] NO_FREQUENCIES = new long[0][];
    /** How many of the most recently grouped nodes are kept to roll coarser ones up from. */
    private static final int RECENT_SNAPSHOTS = 8;
    /**
     * How many of the nodes grouped from every tuple are kept apart from the recent ones. Each search path starts with
     * such a node, and later paths usually run above an earlier one; kept only among the recent, it would be pushed
     * out by the roll-ups of its own path, and the next path would group every tuple again (on adult at k=2, 52 of 172
     * checks instead of 18).
     */
    private static final int TUPLE_GROUPED_SNAPSHOTS = 16;
    /**
     * The most sensitive-value counts (classes × sensitive values, over every sensitive attribute) a grouping of
     * every tuple may hold for the snapshots to keep them: 8 bytes each, so at most 8 MB per snapshot and 192 MB for all.
     */
    private static final long MOST_KEPT_FREQUENCIES = 1L << 20;

    private final long[] keys;
    private final int[] classOfUnit;
    private final int[] firstUnitOfClass;
    private final long[] classSizes;
    /** Every tuple's key at the node of {@link #tupleKeyLevels}, which is -1 in an attribute not yet added. */
    private final long[] tupleKeys;
    private final int[] tupleKeyLevels;
    private final int[] tupleIdentity;
    private final long[] tupleWeights;
    private final long[] tuplePopulationWeights;
    private final SnapshotRing recent = new SnapshotRing(RECENT_SNAPSHOTS);
    private final SnapshotRing groupedFromTuples = new SnapshotRing(TUPLE_GROUPED_SNAPSHOTS);
    /**
     * Whether coarser nodes may be rolled up from snapshots: always without sensitive attributes, with them while the
     * sensitive-value counts of a grouping of every tuple stay within {@link #MOST_KEPT_FREQUENCIES}.
     */
    private final boolean rollUpAllowed;

    ClassGrouping(EncodedInput input, NodeMetric metric, long maximumSuppressed) {
        this.input = input;
        this.metric = metric;
        this.maximumSuppressed = maximumSuppressed;
        this.index = new PackedKeyIndex(input.tuples());
        this.keys = new long[input.tuples()];
        this.classOfUnit = new int[input.tuples()];
        this.firstUnitOfClass = new int[input.tuples()];
        this.classSizes = new long[input.tuples()];
        this.tupleKeys = new long[input.tuples()];
        this.tupleKeyLevels = new int[input.dimensions()];
        Arrays.fill(tupleKeyLevels, -1);
        this.tupleIdentity = new int[input.tuples()];
        this.tupleWeights = new long[input.tuples()];
        this.tuplePopulationWeights = input.populationCounts.clone();
        for (int tuple = 0; tuple < tupleIdentity.length; tuple++) {
            tupleIdentity[tuple] = tuple;
            tupleWeights[tuple] = input.tupleCounts[tuple];
        }
        long frequenciesOfAllTuples = (long) input.tuples() * Arrays.stream(input.sensitiveDomainSizes).asLongStream().sum();
        this.rollUpAllowed = frequenciesOfAllTuples <= MOST_KEPT_FREQUENCIES;
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
        return group(levels, rollUpAllowed);
    }

    /**
     * Groups the node's classes. A node's classes are unions of the classes of any finer node, so when a finer
     * node was grouped recently its (usually far fewer) classes are merged instead of every tuple: ARX's
     * roll-up, the classes' sensitive-value counts summed like their sizes. The class of each tuple needs the
     * tuples, so then it groups those.
     */
    private Classes group(int[] levels, boolean rollUp) {
        int[] unitTuples = tupleIdentity;
        long[] unitWeights = tupleWeights;
        long[] unitPopulationWeights = tuplePopulationWeights;
        int units = input.tuples();
        boolean fromTuples = true;
        long[][] finerFrequencies = NO_FREQUENCIES;
        if (rollUp) {
            Optional<Snapshot> finer = groupedFromTuples.closestFiner(levels, recent.closestFiner(levels, Optional.empty()));
            if (finer.isPresent()) {
                unitTuples = finer.get().representatives();
                unitWeights = finer.get().sizes();
                unitPopulationWeights = finer.get().populationSizes();
                finerFrequencies = finer.get().frequencies();
                units = unitTuples.length;
                fromTuples = false;
            }
        }
        long[] unitKeys;
        if (fromTuples) {
            unitKeys = tupleKeysAt(levels);
        } else {
            unitKeys = keys;
            long weight = 1;
            for (int attribute = 0; attribute < levels.length; attribute++) {
                int[] generalization = input.attributes[attribute].generalization(levels[attribute]);
                int[] codes = input.quasiIdentifierCodes[attribute];
                for (int unit = 0; unit < units; unit++) {
                    long digits = attribute == 0 ? 0 : unitKeys[unit];
                    unitKeys[unit] = digits + generalization[codes[unitTuples[unit]]] * weight;
                }
                weight *= input.attributes[attribute].generalizedDomainSize(levels[attribute]);
            }
        }
        // Classes are numbered in order of first sight, so a class's first unit is found, and its size started, as
        // its number is handed out: one pass numbers the units and sums the sizes.
        index.clear();
        int count = 0;
        long[] sizesSoFar = classSizes;
        for (int unit = 0; unit < units; unit++) {
            int number = index.numberOf(unitKeys[unit]);
            classOfUnit[unit] = number;
            if (number == count) {
                firstUnitOfClass[count++] = unit;
                sizesSoFar[number] = unitWeights[unit];
            } else {
                sizesSoFar[number] += unitWeights[unit];
            }
        }
        long[] sizes = Arrays.copyOf(sizesSoFar, count);
        long[] populationSizes = sizes;
        if (input.hasPopulation()) {
            populationSizes = new long[count];
            for (int unit = 0; unit < units; unit++) {
                populationSizes[classOfUnit[unit]] += unitPopulationWeights[unit];
            }
        }
        int[] representatives = new int[count];
        for (int number = 0; number < count; number++) {
            representatives[number] = unitTuples[firstUnitOfClass[number]];
        }
        long[][] frequencies = sensitiveFrequencies(units, count, fromTuples, finerFrequencies);
        Snapshot snapshot = new Snapshot(levels.clone(), sizes, populationSizes, representatives,
                rollUpAllowed ? frequencies : NO_FREQUENCIES);
        if (fromTuples) {
            groupedFromTuples.remember(snapshot);
        } else {
            recent.remember(snapshot);
        }
        int[] classOfTuple = NO_TUPLE_MAPPING;
        if (fromTuples) {
            classOfTuple = classOfUnit;
        }
        return new Classes(count, sizes, populationSizes, representatives, classOfTuple, frequencies);
    }

    /**
     * Every tuple's key at the node. Digits are weighted by the attributes' full domain sizes, whatever the level,
     * so moving to another node changes only the digits of the attributes whose level differs: consecutive nodes of
     * a search usually differ in one or two of them, and each unchanged attribute spares a pass over every tuple.
     */
    private long[] tupleKeysAt(int[] levels) {
        long weight = 1;
        for (int attribute = 0; attribute < levels.length; attribute++) {
            int previous = tupleKeyLevels[attribute];
            int level = levels[attribute];
            if (previous != level) {
                int[] generalization = input.attributes[attribute].generalization(level);
                int[] codes = input.quasiIdentifierCodes[attribute];
                long[] target = tupleKeys;
                if (previous < 0) {
                    for (int tuple = 0; tuple < target.length; tuple++) {
                        target[tuple] += generalization[codes[tuple]] * weight;
                    }
                } else {
                    int[] before = input.attributes[attribute].generalization(previous);
                    for (int tuple = 0; tuple < target.length; tuple++) {
                        int code = codes[tuple];
                        target[tuple] += (generalization[code] - before[code]) * weight;
                    }
                }
                tupleKeyLevels[attribute] = level;
            }
            weight *= input.attributes[attribute].domainSize();
        }
        return tupleKeys;
    }

    /**
     * Each class's count of each sensitive value, at [class × domain size + value] per sensitive attribute: summed from
     * the tuples' values, or, rolled up, from the finer classes' counts.
     */
    private long[][] sensitiveFrequencies(int units, int count, boolean fromTuples, long[][] finerFrequencies) {
        int sensitiveCount = input.sensitiveDomainSizes.length;
        long[][] frequencies = new long[sensitiveCount][];
        for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
            int domain = input.sensitiveDomainSizes[sensitive];
            long[] target = new long[count * domain];
            if (fromTuples) {
                int[] codes = input.sensitiveCodes[sensitive];
                for (int tuple = 0; tuple < units; tuple++) {
                    target[classOfUnit[tuple] * domain + codes[tuple]] += input.tupleCounts[tuple];
                }
            } else {
                long[] finer = finerFrequencies[sensitive];
                for (int unit = 0; unit < units; unit++) {
                    int into = classOfUnit[unit] * domain;
                    int from = unit * domain;
                    for (int value = 0; value < domain; value++) {
                        target[into + value] += finer[from + value];
                    }
                }
            }
            frequencies[sensitive] = target;
        }
        return frequencies;
    }

    private boolean[] failing(Classes classes) {
        int count = classes.count;
        long[] sizes = classes.sizes;
        int sensitiveCount = input.sensitiveDomainSizes.length;
        long[] none = new long[0];
        long[][] classFrequencies = new long[sensitiveCount][];
        for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
            classFrequencies[sensitive] = new long[input.sensitiveDomainSizes[sensitive]];
        }
        boolean[] failing = new boolean[count];
        for (int number = 0; number < count; number++) {
            for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
                int domain = classFrequencies[sensitive].length;
                System.arraycopy(classes.sensitiveFrequencies[sensitive], number * domain, classFrequencies[sensitive], 0, domain);
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
     * Equivalence classes numbered 0..count-1: their sizes, a tuple of each, each tuple's class (empty when
     * the classes were rolled up from a finer node's) and each class's sensitive-value counts.
     */
    record Classes(int count, long[] sizes, long[] populationSizes, int[] representatives, int[] classOfTuple,
            long[][] sensitiveFrequencies) {
    }
}
