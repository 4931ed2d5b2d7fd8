package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/** The Iceberg table a declaration yields in one zone: schema, partitioning and table properties. */
public record ZoneTable(TableName name, DatasetDeclaration dataset, Schema schema, PartitionSpec partitionSpec,
        Map<String, String> properties) {

    /** Table property holding a column's privacy class, so every engine reading the table can see it. */
    public static final String PRIVACY_PROPERTY_PREFIX = "ebpm.privacy.";

    public ZoneTable {
        requireNonNull(name, "name is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(partitionSpec, "partitionSpec is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }
}
