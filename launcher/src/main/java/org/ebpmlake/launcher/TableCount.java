package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

/** A table of the lake and how many rows it holds after a run. */
public record TableCount(String table, long rows) {
    public TableCount {
        requireNonNull(table, "table is null");
    }
}
