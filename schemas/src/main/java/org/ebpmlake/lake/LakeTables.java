package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;

/**
 * Creates the lake's namespaces and tables from the declarations, and refuses to run on a table whose
 * schema has drifted from its declaration (a later migration step evolves tables deliberately).
 */
public final class LakeTables {
    private final Catalog catalog;

    public LakeTables(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Creates whatever is missing; returns the tables created by this call. */
    public List<ZoneTable> ensureAll(DatasetCatalog datasets) {
        requireNonNull(datasets, "datasets is null");
        ensureNamespaces();
        List<ZoneTable> created = new ArrayList<>();
        for (ZoneTable table : datasets.tables()) {
            if (ensure(table)) {
                created.add(table);
            }
        }
        return List.copyOf(created);
    }

    /** Creates the table if it does not exist; returns whether it did. */
    public boolean ensure(ZoneTable declared) {
        requireNonNull(declared, "declared is null");
        if (catalog.tableExists(declared.name().identifier())) {
            Table existing = catalog.loadTable(declared.name().identifier());
            if (!existing.schema().sameSchema(declared.schema())) {
                throw new IllegalStateException("table " + declared.name() + " has drifted from its declaration:\n  declared "
                        + declared.schema().asStruct() + "\n  in lake  " + existing.schema().asStruct());
            }
            return false;
        }
        catalog.buildTable(declared.name().identifier(), declared.schema())
                .withPartitionSpec(declared.partitionSpec())
                .withProperties(declared.properties())
                .create();
        return true;
    }

    private void ensureNamespaces() {
        if (!(catalog instanceof SupportsNamespaces namespaces)) {
            throw new IllegalStateException("catalog " + catalog.name() + " cannot create namespaces");
        }
        for (Zone zone : Zone.values()) {
            Namespace namespace = Namespace.of(zone.namespace());
            if (!namespaces.namespaceExists(namespace)) {
                namespaces.createNamespace(namespace);
            }
        }
    }
}
