package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** A table of the lake: a zone (its namespace) and a name within it. */
public record TableName(Zone zone, String name) {
    public TableName {
        requireNonNull(zone, "zone is null");
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("table name must be lower snake case: '" + name + "'");
        }
    }

    public TableIdentifier identifier() {
        return TableIdentifier.of(Namespace.of(zone.namespace()), name);
    }

    /** The name Spark SQL uses, qualified by the Spark catalog the lake is mounted as. */
    public String in(String catalogName) {
        requireNonNull(catalogName, "catalogName is null");
        return catalogName + "." + zone.namespace() + "." + name;
    }

    @Override
    public String toString() {
        return zone.namespace() + "." + name;
    }
}
