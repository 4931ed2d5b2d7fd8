package org.ebpmlake.anonymize.search;

import java.util.Arrays;

/**
 * Numbers distinct long keys 0, 1, 2, … in order of first sight: open addressing with linear probing over
 * primitive arrays, because grouping millions of records per lattice node cannot afford boxed map entries.
 */
final class PackedKeyIndex {
    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] keys;
    private final int[] numbers;
    private final int mask;
    private int size;

    PackedKeyIndex(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedKeys) * 2 - 1) << 1;
        keys = new long[capacity];
        numbers = new int[capacity];
        mask = capacity - 1;
        clear();
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    /** The key's number, a new one if the key is new. Keys are never {@link Long#MIN_VALUE}. */
    int numberOf(long key) {
        int slot = (int) (mix(key) & mask);
        while (true) {
            long stored = keys[slot];
            if (stored == key) {
                return numbers[slot];
            }
            if (stored == EMPTY) {
                keys[slot] = key;
                numbers[slot] = size;
                return size++;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private static long mix(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return mixed ^ (mixed >>> 29);
    }
}
