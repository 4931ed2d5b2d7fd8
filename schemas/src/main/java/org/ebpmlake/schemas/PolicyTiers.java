package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The tier of every deid table, as the privacy policies in {@code conf/privacy} declare it: what the SQL services
 * need to render per-table rules, read without the rest of a policy (whose full reading, with the tier's rules,
 * belongs to the deid stage).
 */
public final class PolicyTiers {
    private PolicyTiers() {
    }

    /** Deid table name (without the namespace) → tier, for every policy in the folder. */
    public static Map<String, PrivacyTier> read(Path directory) {
        requireNonNull(directory, "directory is null");
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        Map<String, PrivacyTier> tiers = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode policy = mapper.readTree(file.toFile());
                String publishes = policy.path("publishes").asText("");
                if (!publishes.startsWith(Zone.DEID.namespace() + ".") || !policy.hasNonNull("tier")) {
                    throw new IllegalArgumentException(file + ": a policy needs publishes: deid.<table> and a tier");
                }
                tiers.put(publishes.substring(Zone.DEID.namespace().length() + 1), PrivacyTier.fromCode(policy.get("tier").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy policies in " + directory + ": " + e.getMessage(), e);
        }
        return Map.copyOf(tiers);
    }
}
