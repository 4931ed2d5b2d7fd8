package org.ebpmlake.sql.access;

import static java.util.Objects.requireNonNull;

import org.ebpmlake.schemas.Zone;

/** Read access to the tables of a zone whose names match a regular expression. */
public record TableGrant(Zone zone, String tablePattern) {
    public TableGrant {
        requireNonNull(zone, "zone is null");
        requireNonNull(tablePattern, "tablePattern is null");
    }

    String describe() {
        if (".*".equals(tablePattern)) {
            return zone.namespace() + ".*";
        }
        return zone.namespace() + "." + tablePattern.replace(".*", "*");
    }
}
