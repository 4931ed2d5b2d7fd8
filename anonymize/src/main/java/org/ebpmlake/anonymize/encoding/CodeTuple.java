package org.ebpmlake.anonymize.encoding;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * Codes, one per attribute, as a member of a set or a key of a map: equal by content, as an array is not. The array
 * is not copied, so a caller may fill one tuple again and again to look keys up, and store a copy when a key is new.
 */
public record CodeTuple(int[] codes) {
    public CodeTuple {
        requireNonNull(codes, "codes is null");
    }

    /** A tuple of its own copy of these codes, to store while this one is filled again. */
    public CodeTuple copy() {
        return new CodeTuple(codes.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodeTuple tuple && Arrays.equals(codes, tuple.codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return Arrays.toString(codes);
    }
}
