package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dataset declared once: the zones it lives in, its columns, key and partitioning. The table of each
 * zone is derived from this one declaration by {@link ZoneTableLayout}.
 *
 * @param key the columns that identify a row in the source (used for uniqueness checks)
 * @param partitionedBy Iceberg partition transforms, such as {@code ward_code} or {@code day(pinged_at)}
 * @param quality checks declared beyond those the columns imply; empty when the section is absent
 * @param schedule how often the source is delivered; every source dataset (raw and curated zones) declares one
 */
public record DatasetDeclaration(
        String name,
        List<Zone> zones,
        LocalizedText title,
        List<String> key,
        List<String> partitionedBy,
        List<ColumnDeclaration> columns,
        Optional<QualityDeclaration> quality,
        Optional<DeliverySchedule> schedule) {

    public DatasetDeclaration {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("dataset name must be lower snake case: '" + name + "'");
        }
        zones = List.copyOf(requireNonNull(zones, "zones is null for dataset " + name));
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " declares no zone");
        }
        requireNonNull(title, "title is null for dataset " + name);
        key = List.copyOf(requireNonNull(key, "key is null for dataset " + name));
        partitionedBy = List.copyOf(requireNonNull(partitionedBy, "partitionedBy is null for dataset " + name));
        columns = List.copyOf(requireNonNull(columns, "columns is null for dataset " + name));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " declares no column");
        }
        requireNonNull(quality, "quality is null for dataset " + name);
        requireNonNull(schedule, "schedule is null for dataset " + name);
        boolean delivered = zones.contains(Zone.RAW) && zones.contains(Zone.CURATED);
        if (delivered != schedule.isPresent()) {
            throw new IllegalArgumentException("dataset " + name + ": a source dataset (raw and curated zones) declares"
                    + " its delivery schedule (daily, monthly or quarterly), and only a source dataset does");
        }
        Set<String> names = new HashSet<>();
        for (ColumnDeclaration column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("dataset " + name + " declares column " + column.name() + " twice");
            }
        }
        for (String keyColumn : key) {
            if (!names.contains(keyColumn)) {
                throw new IllegalArgumentException("key column " + keyColumn + " of dataset " + name + " is not declared");
            }
        }
        quality.ifPresent(declared -> checkQualityColumns(name, names, declared));
        for (ColumnDeclaration column : columns) {
            if (column.privacy() == PrivacyClass.DIRECT_IDENTIFIER) {
                checkDirectIdentifier(name, zones, column);
            }
        }
    }

    private static void checkQualityColumns(String name, Set<String> names, QualityDeclaration quality) {
        List<String> checked = new ArrayList<>();
        quality.completeness().forEach(threshold -> checked.add(threshold.column()));
        quality.references().forEach(reference -> checked.add(reference.column()));
        for (String column : checked) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("quality check of dataset " + name + " names undeclared column " + column);
            }
        }
    }

    /**
     * Whether deliveries are ingested into this dataset: it declares how often they come. The raw zone also holds
     * tables that are not sources (the quarantine), so the zone alone does not say.
     */
    public boolean isSource() {
        return schedule.isPresent();
    }

    /** The declared quality section, or none. */
    public QualityDeclaration qualityChecks() {
        return quality.orElse(QualityDeclaration.NONE);
    }

    private static void checkDirectIdentifier(String name, List<Zone> zones, ColumnDeclaration column) {
        if (zones.contains(Zone.DEID) || zones.contains(Zone.MART) || zones.contains(Zone.OPS)) {
            throw new IllegalArgumentException("dataset " + name + " is published in " + zones
                    + " but declares direct identifier " + column.name());
        }
        if (zones.contains(Zone.CURATED) && column.treatment().isEmpty()) {
            throw new IllegalArgumentException("direct identifier " + column.name() + " of dataset " + name
                    + " reaches the curated zone and must declare a treatment (pseudonymize or drop)");
        }
    }

    public Optional<ColumnDeclaration> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }

    public List<ColumnDeclaration> columnsOfClass(PrivacyClass privacyClass) {
        return columns.stream().filter(column -> column.privacy() == privacyClass).toList();
    }
}
