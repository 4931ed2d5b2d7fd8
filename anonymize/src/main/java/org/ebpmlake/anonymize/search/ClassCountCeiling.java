package org.ebpmlake.anonymize.search;

import java.util.HashMap;
import java.util.Map;

/**
 * How many equivalence classes of released records a node can have at most, from its levels alone: no more than
 * the distinct quasi-identifier combinations of the input, nor than the product of each attribute's distinct
 * generalized values at its level. Both fall (or stay) as a node gets coarser, so the class-counting metrics get
 * bounds that never decrease up the lattice. It also holds Σ size² of the input's own classes, which no coarser
 * node's classes, being unions of them, can fall below.
 */
final class ClassCountCeiling {
    private final long distinctCombinations;
    private final long bottomSquares;
    /** distinctValues[attribute][level]: generalized values that released records take. */
    private final int[][] distinctValues;

    ClassCountCeiling(EncodedInput input) {
        int dimensions = input.dimensions();
        long[] radix = new long[dimensions];
        long weight = 1;
        for (int attribute = 0; attribute < dimensions; attribute++) {
            radix[attribute] = weight;
            // Fits: the input's packed keys, which also hold the sensitive codes, fit into a long.
            weight = Math.multiplyExact(weight, input.attributes[attribute].domainSize());
        }
        Map<Long, Long> combinations = new HashMap<>();
        for (int tuple = 0; tuple < input.tuples(); tuple++) {
            if (input.tupleCounts[tuple] == 0) {
                continue;
            }
            long key = 0;
            for (int attribute = 0; attribute < dimensions; attribute++) {
                key += input.quasiIdentifierCodes[attribute][tuple] * radix[attribute];
            }
            combinations.merge(key, (long) input.tupleCounts[tuple], Long::sum);
        }
        distinctCombinations = combinations.size();
        long squares = 0;
        for (long size : combinations.values()) {
            squares += size * size;
        }
        bottomSquares = squares;
        distinctValues = new int[dimensions][];
        for (int attribute = 0; attribute < dimensions; attribute++) {
            AttributeEncoding encoding = input.attributes[attribute];
            distinctValues[attribute] = new int[encoding.levels()];
            for (int level = 0; level < encoding.levels(); level++) {
                boolean[] taken = new boolean[encoding.generalizedDomainSize(level)];
                int[] generalization = encoding.generalization(level);
                int count = 0;
                for (int tuple = 0; tuple < input.tuples(); tuple++) {
                    int value = generalization[input.quasiIdentifierCodes[attribute][tuple]];
                    if (input.tupleCounts[tuple] > 0 && !taken[value]) {
                        taken[value] = true;
                        count++;
                    }
                }
                distinctValues[attribute][level] = count;
            }
        }
    }

    long maximumClasses(int[] levels) {
        long product = 1;
        for (int attribute = 0; attribute < levels.length && product < distinctCombinations; attribute++) {
            product *= distinctValues[attribute][levels[attribute]];
        }
        return Math.min(product, distinctCombinations);
    }

    long bottomSquares() {
        return bottomSquares;
    }
}
