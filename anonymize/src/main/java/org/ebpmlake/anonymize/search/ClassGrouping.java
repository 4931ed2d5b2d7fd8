package org.ebpmlake.anonymize.search;

import java.util.Arrays;
import org.ebpmlake.anonymize.ClassCriterion;

/**
 * Checks lattice nodes: groups the input's tuples by their generalized codes, packed into one long per
 * tuple, then tests every equivalence class against the privacy models and suppresses the failing ones.
 * One instance is reused for every node of a search, so its buffers are allocated once.
 */
final class ClassGrouping {
    private final EncodedInput input;
    private final LossMetric metric;
    private final long maximumSuppressed;
    private final PackedKeyIndex index;
    private final long[] keys;
    private final int[] classOfTuple;

    ClassGrouping(EncodedInput input, LossMetric metric, long maximumSuppressed) {
        this.input = input;
        this.metric = metric;
        this.maximumSuppressed = maximumSuppressed;
        this.index = new PackedKeyIndex(input.tuples());
        this.keys = new long[input.tuples()];
        this.classOfTuple = new int[input.tuples()];
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
        double discernibility = 0;
        long[] sums = new long[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            sums[attribute] = input.unsuppressedShares[attribute][levels[attribute]];
        }
        for (int number = 0; number < classes.count; number++) {
            long size = classes.sizes[number];
            if (failing[number]) {
                suppressed += size;
                int representative = classes.representatives[number];
                for (int attribute = 0; attribute < levels.length; attribute++) {
                    AttributeEncoding encoding = input.attributes[attribute];
                    int groupSize = encoding.groupSize(levels[attribute], input.quasiIdentifierCodes[attribute][representative]);
                    // A suppressed record counts a whole share: the domain size instead of its group's.
                    sums[attribute] += size * (encoding.domainSize() - groupSize);
                }
            } else {
                keptClasses++;
                smallest = Math.min(smallest, size);
                discernibility += (double) size * size;
            }
        }
        discernibility += (double) suppressed * input.records;
        double[] losses = new double[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            losses[attribute] = metric.attributeLoss(attribute, sums[attribute]);
        }
        return new NodeEvaluation(levels.clone(), suppressed <= maximumSuppressed, suppressed, keptClasses,
                keptClasses == 0 ? 0 : smallest, metric.aggregate(losses), losses, discernibility);
    }

    /** Whether each tuple falls in a suppressed class at this node. */
    boolean[] suppressedTuples(int[] levels) {
        Classes classes = group(levels);
        boolean[] failing = failing(classes);
        boolean[] suppressed = new boolean[input.tuples()];
        for (int tuple = 0; tuple < suppressed.length; tuple++) {
            suppressed[tuple] = failing[classOfTuple[tuple]];
        }
        return suppressed;
    }

    /** The node's equivalence classes; valid until this grouping groups another node. */
    Classes group(int[] levels) {
        int tuples = input.tuples();
        Arrays.fill(keys, 0);
        long weight = 1;
        for (int attribute = 0; attribute < levels.length; attribute++) {
            int[] generalization = input.attributes[attribute].generalization(levels[attribute]);
            int[] codes = input.quasiIdentifierCodes[attribute];
            for (int tuple = 0; tuple < tuples; tuple++) {
                keys[tuple] += generalization[codes[tuple]] * weight;
            }
            weight *= input.attributes[attribute].generalizedDomainSize(levels[attribute]);
        }
        index.clear();
        for (int tuple = 0; tuple < tuples; tuple++) {
            classOfTuple[tuple] = index.numberOf(keys[tuple]);
        }
        int count = index.size();
        long[] sizes = new long[count];
        int[] representatives = new int[count];
        Arrays.fill(representatives, -1);
        for (int tuple = 0; tuple < tuples; tuple++) {
            int number = classOfTuple[tuple];
            sizes[number] += input.tupleCounts[tuple];
            if (representatives[number] < 0) {
                representatives[number] = tuple;
            }
        }
        return new Classes(count, sizes, representatives, classOfTuple);
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
                failing[number] = !check.accepts(sizes[number], sensitive < 0 ? none : classFrequencies[sensitive]);
            }
        }
        return failing;
    }

    /** Equivalence classes numbered 0..count-1: their sizes, a tuple of each, and each tuple's class. */
    record Classes(int count, long[] sizes, int[] representatives, int[] classOfTuple) {
    }
}
