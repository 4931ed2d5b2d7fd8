package org.ebpmlake.anonymize.encoding;

import java.util.Arrays;

/**
 * Numbers distinct long keys 0, 1, 2, … in order of first sight: open addressing with linear probing over
 * primitive arrays, because grouping millions of records per lattice node cannot afford boxed map entries. The
 * table starts small and doubles when half full, so it stays as small as the distinct keys need: a registry of
 * millions of records has some tens of thousands of distinct tuples, and a table sized for the records would
 * miss the cache on every probe.
 */
public final class PackedKeyIndex {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MINIMUM_CAPACITY = 1024;

    private long[] keys;
    private int[] numbers;
    private int mask;
    private int size;
    private int growAt;
    /** The slots filled since the last clear, so clearing a few keys out of a large table is cheap. */
    private int[] filledSlots;

    public PackedKeyIndex(int expectedKeys) {
        allocate(Integer.highestOneBit(Math.max(MINIMUM_CAPACITY / 2, expectedKeys) * 2 - 1) << 1);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        numbers = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        growAt = capacity / 2;
        filledSlots = new int[growAt + 1];
        size = 0;
    }

    public void clear() {
        if (size < keys.length / 8) {
            for (int index = 0; index < size; index++) {
                keys[filledSlots[index]] = EMPTY;
            }
        } else {
            Arrays.fill(keys, EMPTY);
        }
        size = 0;
    }

    /** The key's number, a new one if the key is new. Keys are never {@link Long#MIN_VALUE}. */
    public int numberOf(long key) {
        int slot = (int) (mix(key) & mask);
        while (true) {
            long stored = keys[slot];
            if (stored == key) {
                return numbers[slot];
            }
            if (stored == EMPTY) {
                keys[slot] = key;
                numbers[slot] = size;
                filledSlots[size] = slot;
                size++;
                if (size > growAt) {
                    grow();
                }
                return size - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldNumbers = numbers;
        int count = size;
        allocate(oldKeys.length * 2);
        for (int old = 0; old < oldKeys.length; old++) {
            if (oldKeys[old] != EMPTY) {
                int slot = (int) (mix(oldKeys[old]) & mask);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[old];
                numbers[slot] = oldNumbers[old];
                filledSlots[oldNumbers[old]] = slot;
            }
        }
        size = count;
    }

    private static long mix(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return mixed ^ (mixed >>> 29);
    }
}
