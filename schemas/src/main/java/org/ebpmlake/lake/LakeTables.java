package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.types.Types;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;

/**
 * Creates the lake's namespaces and tables from the declarations. A declaration that only adds optional
 * columns at the end evolves the existing table in place (Iceberg keeps old snapshots readable). A curated
 * table promoted from raw is recreated when its declaration changes shape (promotion refills it from raw);
 * any other difference is drift, and the lake refuses to run on it rather than guess a migration.
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
            adoptWriteProperties(declared, existing);
            if (sameColumns(existing.schema(), declared.schema())) {
                return false;
            }
            if (!rebuiltFromRaw(declared)) {
                evolveByAddingColumns(declared, existing);
                return false;
            }
            // A curated table is a function of raw and its declaration, rewritten whole by every promotion:
            // when the declaration changes shape it is recreated empty and the next promotion refills it.
            catalog.dropTable(declared.name().identifier(), false);
        }
        catalog.buildTable(declared.name().identifier(), declared.schema())
                .withPartitionSpec(declared.partitionSpec())
                .withProperties(declared.properties())
                .create();
        return true;
    }

    /**
     * A lake made by an earlier version takes the declared write settings (isolation levels, metrics, Parquet's
     * encodings) of its tables; files already written stay as they are.
     */
    private static void adoptWriteProperties(ZoneTable declared, Table existing) {
        Map<String, String> missing = new TreeMap<>();
        declared.properties().forEach((key, value) -> {
            if ((key.startsWith("write.") || key.startsWith("parquet.")) && !value.equals(existing.properties().get(key))) {
                missing.put(key, value);
            }
        });
        if (!missing.isEmpty()) {
            UpdateProperties update = existing.updateProperties();
            missing.forEach(update::set);
            update.commit();
        }
    }

    private static boolean rebuiltFromRaw(ZoneTable declared) {
        return declared.name().zone() == Zone.CURATED && declared.dataset().isSource();
    }

    /** Same column names and types in the same order; field ids may differ (an added column gets a fresh id). */
    public static boolean sameColumns(Schema left, Schema right) {
        List<Types.NestedField> leftColumns = left.columns();
        List<Types.NestedField> rightColumns = right.columns();
        if (leftColumns.size() != rightColumns.size()) {
            return false;
        }
        for (int index = 0; index < leftColumns.size(); index++) {
            if (!leftColumns.get(index).name().equals(rightColumns.get(index).name())
                    || !leftColumns.get(index).type().equals(rightColumns.get(index).type())) {
                return false;
            }
        }
        return true;
    }

    private static void evolveByAddingColumns(ZoneTable declared, Table existing) {
        List<Types.NestedField> have = existing.schema().columns();
        List<Types.NestedField> want = declared.schema().columns();
        boolean prefix = have.size() < want.size();
        for (int index = 0; prefix && index < have.size(); index++) {
            Types.NestedField current = have.get(index);
            Types.NestedField wanted = want.get(index);
            prefix = current.name().equals(wanted.name()) && current.type().equals(wanted.type());
        }
        if (!prefix) {
            throw new IllegalStateException("table " + declared.name() + " has drifted from its declaration:\n  declared "
                    + declared.schema().asStruct() + "\n  in lake  " + existing.schema().asStruct());
        }
        UpdateSchema update = existing.updateSchema();
        for (Types.NestedField added : want.subList(have.size(), want.size())) {
            update.addColumn(added.name(), added.type(), added.doc());
        }
        update.commit();
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
