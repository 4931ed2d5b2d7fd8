package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the lake is and how Spark reaches it, for one environment ({@code conf/<environment>.properties}
 * with environment-variable overrides, see {@link LakeSettingsLoader}). Holds no secret: keys and passwords
 * are read from the environment by the code that needs them.
 *
 * @param catalogName the name the Iceberg catalog is mounted under in Spark (and, later, in Trino)
 * @param catalogUri the JDBC URL of the Iceberg catalog database
 * @param options every other setting of the environment, by its property name
 */
public record LakeSettings(
        String environment,
        Path warehouse,
        String catalogName,
        String catalogUri,
        String sparkMaster,
        Path siteDirectory,
        Path sourcesDirectory,
        Map<String, String> options) {

    public LakeSettings {
        requireNonNull(environment, "environment is null");
        warehouse = requireNonNull(warehouse, "warehouse is null").toAbsolutePath().normalize();
        requireNonNull(catalogName, "catalogName is null");
        if (!catalogName.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("catalog name must be lower snake case: '" + catalogName + "'");
        }
        requireNonNull(catalogUri, "catalogUri is null");
        requireNonNull(sparkMaster, "sparkMaster is null");
        siteDirectory = requireNonNull(siteDirectory, "siteDirectory is null").toAbsolutePath().normalize();
        sourcesDirectory = requireNonNull(sourcesDirectory, "sourcesDirectory is null").toAbsolutePath().normalize();
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    /** The embedded default: a SQLite catalog file inside the warehouse directory. */
    public static String sqliteCatalogUri(Path warehouse) {
        return "jdbc:sqlite:" + warehouse.toAbsolutePath().normalize().resolve("catalog.db");
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public int intOption(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be an integer, got '" + value + "'", e);
        }
    }

    public double doubleOption(String name, double defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be a number, got '" + value + "'", e);
        }
    }

    /** The same lake seen from another directory layout; used by tests that keep each lake apart. */
    public LakeSettings withLocations(String newCatalogName, Path newWarehouse, Path newSite, Path newSources) {
        return new LakeSettings(environment, newWarehouse, newCatalogName, sqliteCatalogUri(newWarehouse), sparkMaster,
                newSite, newSources, options);
    }

    /** The same settings with one option set, e.g. a test's smaller limit. */
    public LakeSettings withOption(String name, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        Map<String, String> changed = new java.util.HashMap<>(options);
        changed.put(name, value);
        return new LakeSettings(environment, warehouse, catalogName, catalogUri, sparkMaster, siteDirectory,
                sourcesDirectory, changed);
    }
}
