package org.ebpmlake.sql.access;

import static java.util.Objects.requireNonNull;

import org.ebpmlake.schemas.Zone;

/**
 * Read access to one table limited to the rows whose {@code column} equals the reader's department (for school staff,
 * their school's code). Only Trino can enforce a row filter, so such a grant is rendered into Trino's rules and never
 * honoured by the embedded Spark SQL shell.
 */
public record RowFilteredGrant(Zone zone, String table, String column) {
    public RowFilteredGrant {
        requireNonNull(zone, "zone is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        if (!table.matches("[a-z][a-z0-9_]*") || !column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a row-filtered grant names one table and one column: " + table + "." + column);
        }
    }

    String describe() {
        return zone.namespace() + "." + table + "（" + column + " が自分の所属の行のみ・Trino経由 / own rows by " + column + ", through Trino）";
    }
}
