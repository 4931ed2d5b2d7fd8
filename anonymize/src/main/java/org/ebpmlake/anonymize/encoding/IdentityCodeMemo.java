package org.ebpmlake.anonymize.encoding;

import static java.util.Objects.requireNonNull;

import java.util.function.ToIntFunction;

/**
 * Remembers the codes of the value objects seen last, by identity, in front of a lookup by equality. A table read by
 * the lake holds each column's repeated values as one string each, so a column of millions of cells has a few hundred
 * distinct objects: comparing references spares hashing and comparing the characters of every cell again. A value
 * not remembered, or displaced by another in its slot, is looked up as before, so the codes are the lookup's in every
 * case. Each thread makes its own: it is not safe to share.
 */
public final class IdentityCodeMemo {
    private static final int SLOTS = 1 << 10;

    private final ToIntFunction<String> lookup;
    private final String[] values = new String[SLOTS];
    private final int[] codes = new int[SLOTS];

    public IdentityCodeMemo(ToIntFunction<String> lookup) {
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    public int code(String value) {
        if (value == null) {
            return lookup.applyAsInt(null);
        }
        int slot = System.identityHashCode(value) & (SLOTS - 1);
        if (values[slot] == value) {
            return codes[slot];
        }
        int code = lookup.applyAsInt(value);
        values[slot] = value;
        codes[slot] = code;
        return code;
    }
}
