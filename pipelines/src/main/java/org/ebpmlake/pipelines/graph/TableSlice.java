package org.ebpmlake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.ebpmlake.schemas.TableName;

/**
 * What a task reads or writes: a whole table, or the part of a shared ops table that belongs to one dataset or
 * published table (the quality results of {@code students}, the privacy report of {@code deid.residents}). Parts
 * keep two datasets' tasks independent although they write the same ops table; a reader of the whole table depends on
 * every part's writer.
 */
public record TableSlice(TableName table, Optional<String> part) {
    public TableSlice {
        requireNonNull(table, "table is null");
        requireNonNull(part, "part is null");
        part.ifPresent(name -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a part of " + table + " needs a name");
            }
        });
    }

    public static TableSlice whole(TableName table) {
        return new TableSlice(table, Optional.empty());
    }

    public static TableSlice part(TableName table, String part) {
        return new TableSlice(table, Optional.of(requireNonNull(part, "part is null")));
    }

    /** Whether writing one and reading the other touch the same rows: same table, and the same part or a whole. */
    public boolean overlaps(TableSlice other) {
        requireNonNull(other, "other is null");
        return table.equals(other.table) && (part.isEmpty() || other.part.isEmpty() || part.equals(other.part));
    }

    @Override
    public String toString() {
        return part.map(name -> table + "[" + name + "]").orElse(table.toString());
    }
}
