package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import java.util.Optional;

/**
 * The zones of the lake, in the order data travels through them. Each zone is an Iceberg namespace
 * of the same name.
 */
public enum Zone {
    /**
     * Source files as delivered, parsed and typed, with lineage, and the rows that could not be taken (the
     * quarantine); the only zone holding direct identifiers.
     */
    RAW,
    /** Conformed codes and types; direct identifiers pseudonymised or dropped. */
    CURATED,
    /** De-identified tables, each verified against the privacy model it claims. */
    DEID,
    /** Aggregates that feed dashboards and planners' SQL. */
    MART,
    /** The platform's own records: run log, batch ledger, quality results, privacy reports; nothing personal. */
    OPS;

    /** Whether the zone may hold direct identifiers: only the raw zone does. */
    public boolean holdsDirectIdentifiers() {
        return this == RAW;
    }

    public String namespace() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The zone whose Iceberg namespace is {@code namespace}, if any. */
    public static Optional<Zone> fromNamespace(String namespace) {
        for (Zone zone : values()) {
            if (zone.namespace().equals(namespace)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    public static Zone fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
