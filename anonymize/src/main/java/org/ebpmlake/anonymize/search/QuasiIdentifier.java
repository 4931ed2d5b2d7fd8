package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/** A column an attacker may know, with the hierarchy it is generalized along. */
public record QuasiIdentifier(String column, Hierarchy hierarchy) {
    public QuasiIdentifier {
        requireNonNull(column, "column is null");
        requireNonNull(hierarchy, "hierarchy is null");
    }
}
