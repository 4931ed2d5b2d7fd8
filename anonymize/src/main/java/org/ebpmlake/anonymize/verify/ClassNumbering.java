package org.ebpmlake.anonymize.verify;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import org.ebpmlake.anonymize.encoding.PackedKeyIndex;

/**
 * Numbers the released rows' classes in order of first sight by their values' codes, filled into {@link #probe()}
 * row by row. Where each position's number of codes is known and their product fits in 63 bits, a row's codes are
 * packed into one long and numbered by one lookup. Otherwise they are folded one position at a time: the codes so far
 * have a number, paired with the next code into a long key, so any number of positions of any size can be numbered.
 * Either way the lookups are in tables of primitives, not of boxed keys: a city's registry has millions of rows.
 */
final class ClassNumbering {
    private final int[] probe;
    private final int[] classOfRow;
    private final Optional<long[]> weights;
    private final PackedKeyIndex[] indexes;
    private int[] firstRowOfClass = new int[16];
    private int count;

    private ClassNumbering(int rows, int dimensions, Optional<long[]> weights) {
        this.probe = new int[dimensions];
        this.classOfRow = new int[rows];
        this.weights = weights;
        this.indexes = new PackedKeyIndex[weights.isPresent() ? 1 : dimensions];
        for (int index = 0; index < indexes.length; index++) {
            indexes[index] = new PackedKeyIndex(1024);
        }
    }

    /** Numbering for codes of any size, such as the released texts' codes in order of first sight. */
    static ClassNumbering folding(int rows, int dimensions) {
        return new ClassNumbering(rows, dimensions, Optional.empty());
    }

    /**
     * Numbering for codes {@code 0 <= code < sizes[position]}, packed when their product fits in 63 bits, folded when
     * it does not.
     */
    static ClassNumbering forSizes(int rows, int[] sizes) {
        requireNonNull(sizes, "sizes is null");
        long[] weights = new long[sizes.length];
        long weight = 1;
        for (int position = 0; position < sizes.length; position++) {
            weights[position] = weight;
            try {
                weight = Math.multiplyExact(weight, Math.max(1, sizes[position]));
            } catch (ArithmeticException tooLarge) {
                return folding(rows, sizes.length);
            }
        }
        return new ClassNumbering(rows, sizes.length, Optional.of(weights));
    }

    /** The codes of the row being numbered, to fill before {@link #number(int)}. */
    int[] probe() {
        return probe;
    }

    void suppress(int row) {
        classOfRow[row] = -1;
    }

    /** Puts the row in the class of the probe's codes, a new one if they are new. */
    void number(int row) {
        int number = weights.isPresent() ? packedNumber(weights.get()) : foldedNumber();
        if (number == count) {
            if (count == firstRowOfClass.length) {
                firstRowOfClass = Arrays.copyOf(firstRowOfClass, count * 2);
            }
            firstRowOfClass[count++] = row;
        }
        classOfRow[row] = number;
    }

    private int packedNumber(long[] packing) {
        long key = 0;
        for (int position = 0; position < probe.length; position++) {
            key += probe[position] * packing[position];
        }
        return indexes[0].numberOf(key);
    }

    /** The codes so far have a number below 2^31; with the next code (any int) it makes a key of 63 bits or fewer. */
    private int foldedNumber() {
        int number = 0;
        for (int position = 0; position < probe.length; position++) {
            number = indexes[position].numberOf(((long) number << 32) | (probe[position] & 0xFFFF_FFFFL));
        }
        return number;
    }

    RowClasses classes() {
        return new RowClasses(count, classOfRow, Arrays.copyOf(firstRowOfClass, count));
    }
}
