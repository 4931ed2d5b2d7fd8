package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code conf/<environment>.properties} and lets environment variables override any key: the
 * variable for {@code lake.warehouse} is {@code LAKE_WAREHOUSE}, for {@code spark.master} it is
 * {@code LAKE_SPARK_MASTER} (upper case, dots to underscores, {@code LAKE_} in front unless the key already
 * starts with {@code lake.}). {@code LAKE_ENV} chooses the environment, {@code local} by default.
 * Relative paths are resolved against the project directory. An environment that differs from another in a few keys
 * says so with {@code lake.extends=<other>} and lists only those keys (conf/cluster.properties extends local), so no
 * setting is written twice.
 */
public final class LakeSettingsLoader {
    public static final String DEFAULT_ENVIRONMENT = "local";

    private final Path projectDirectory;
    private final Map<String, String> environmentVariables;

    public LakeSettingsLoader(Path projectDirectory, Map<String, String> environmentVariables) {
        this.projectDirectory = requireNonNull(projectDirectory, "projectDirectory is null").toAbsolutePath().normalize();
        this.environmentVariables = Map.copyOf(requireNonNull(environmentVariables, "environmentVariables is null"));
    }

    public LakeSettings load() {
        String environment = environmentVariables.getOrDefault("LAKE_ENV", DEFAULT_ENVIRONMENT);
        if (!environment.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("LAKE_ENV must name a file in conf/, got '" + environment + "'");
        }
        Path file = fileOf(environment);
        Map<String, String> values = new HashMap<>(readWithBase(environment, new java.util.LinkedHashSet<>()));
        for (String key : Map.copyOf(values).keySet()) {
            String override = environmentVariables.get(variableFor(key));
            if (override != null) {
                values.put(key, override);
            }
        }
        // Folders other code reads by option name are made absolute here, once, like the located settings.
        values.put("lake.privacy.policies", projectDirectory.resolve(values.getOrDefault("lake.privacy.policies", "conf/privacy"))
                .normalize().toString());
        values.put("lake.evaluations", projectDirectory.resolve(values.getOrDefault("lake.evaluations", "conf/evaluations"))
                .normalize().toString());
        values.put("lake.education.early-warning-rule", projectDirectory.resolve(values.getOrDefault("lake.education.early-warning-rule",
                "conf/early-warning.yaml")).normalize().toString());
        values.put("lake.inbox", projectDirectory.resolve(values.getOrDefault("lake.inbox", "var/inbox")).normalize().toString());
        values.put("lake.services.directory", projectDirectory.resolve(values.getOrDefault("lake.services.directory", "var/services"))
                .normalize().toString());
        Path warehouse = path(values, "lake.warehouse", file);
        String catalogUri = values.getOrDefault("lake.catalog.uri", "");
        if (catalogUri.isBlank()) {
            catalogUri = LakeSettings.sqliteCatalogUri(warehouse);
        }
        return new LakeSettings(
                environment,
                warehouse,
                required(values, "lake.catalog.name", file),
                catalogUri,
                required(values, "spark.master", file),
                path(values, "lake.site", file),
                path(values, "lake.sources", file),
                values);
    }

    /** The environment variable that overrides a property. */
    public static String variableFor(String propertyKey) {
        String upper = propertyKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (upper.startsWith("LAKE_")) {
            return upper;
        }
        return "LAKE_" + upper;
    }

    private Path path(Map<String, String> values, String key, Path file) {
        return projectDirectory.resolve(required(values, key, file)).normalize();
    }

    private static String required(Map<String, String> values, String key, Path file) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(file + ": setting " + key + " is missing (or set " + variableFor(key) + ")");
        }
        return value.trim();
    }

    private Path fileOf(String environment) {
        return projectDirectory.resolve("conf").resolve(environment + ".properties");
    }

    /** The environment's keys over those of the environment it extends (and so on), refusing a loop. */
    private Map<String, String> readWithBase(String environment, java.util.Set<String> seen) {
        Path file = fileOf(environment);
        if (!seen.add(environment)) {
            throw new IllegalArgumentException(file + ": lake.extends makes a loop through " + String.join(" → ", seen));
        }
        Map<String, String> own = readProperties(file);
        String base = own.getOrDefault("lake.extends", "");
        if (base.isBlank()) {
            return own;
        }
        if (!base.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException(file + ": lake.extends must name another file in conf/, got '" + base + "'");
        }
        Map<String, String> merged = new HashMap<>(readWithBase(base, seen));
        merged.putAll(own);
        merged.remove("lake.extends");
        return merged;
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no configuration file " + file + " (LAKE_ENV chooses conf/<env>.properties)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name).trim());
        }
        return values;
    }
}
