package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebpmlake.anonymize.hierarchy.GroupingHierarchyBuilder;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.hierarchy.IntervalHierarchyBuilder;
import org.ebpmlake.anonymize.hierarchy.MaskingHierarchyBuilder;
import org.ebpmlake.anonymize.search.QuasiIdentifier;

/**
 * How a dataset is published in the deid zone, declared in {@code conf/privacy/<dataset>.yaml}: its
 * quasi-identifiers with their generalization hierarchies, the k of k-anonymity, the suppression limit and
 * the risk threshold of the report.
 */
public record PrivacyPolicy(String dataset, String publishes, int kAnonymity, double suppressionLimit, double riskThreshold,
        Map<String, HierarchySpecification> quasiIdentifiers) {

    public PrivacyPolicy {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(publishes, "publishes is null");
        if (kAnonymity < 2) {
            throw new IllegalArgumentException("policy of " + dataset + ": k_anonymity must be at least 2");
        }
        if (!(suppressionLimit >= 0 && suppressionLimit < 1)) {
            throw new IllegalArgumentException("policy of " + dataset + ": suppression_limit must be in [0, 1)");
        }
        quasiIdentifiers = Map.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
    }

    /** How one quasi-identifier is generalized: exactly one of the three forms. */
    public record HierarchySpecification(Optional<IntervalSpecification> interval, boolean masking, boolean suppressOnly) {
        public HierarchySpecification {
            requireNonNull(interval, "interval is null");
            int forms = (interval.isPresent() ? 1 : 0) + (masking ? 1 : 0) + (suppressOnly ? 1 : 0);
            if (forms != 1) {
                throw new IllegalArgumentException("a hierarchy is exactly one of interval, masking or suppress_only");
            }
        }

        /** The hierarchy over the values that occur, for whole numbers when it is an interval hierarchy. */
        Hierarchy build(List<String> values) {
            if (interval.isPresent()) {
                IntervalSpecification spec = interval.get();
                int maximum = values.stream().mapToInt(Integer::parseInt).max().orElse(spec.minimum());
                return new IntervalHierarchyBuilder(spec.minimum(), spec.openFrom(), spec.widths()).build(Math.max(maximum, spec.minimum()));
            }
            if (masking) {
                return new MaskingHierarchyBuilder('*').build(values);
            }
            return new GroupingHierarchyBuilder().build(values);
        }
    }

    /** Interval widths for whole numbers, finest first, with one open top interval. */
    public record IntervalSpecification(int minimum, int openFrom, List<Integer> widths) {
        public IntervalSpecification {
            widths = List.copyOf(requireNonNull(widths, "widths is null"));
        }
    }

    public static PrivacyPolicy load(Path directory, String dataset) {
        Path file = directory.resolve(dataset + ".yaml");
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return mapper.readValue(file.toFile(), PrivacyPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** The quasi-identifiers of a table, in its column order, with hierarchies over the values it holds. */
    List<QuasiIdentifier> quasiIdentifiersOf(List<String> columns, List<String[]> rows) {
        List<QuasiIdentifier> result = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            HierarchySpecification specification = quasiIdentifiers.get(columns.get(column));
            if (specification == null) {
                continue;
            }
            int index = column;
            List<String> values = rows.stream().map(row -> row[index]).distinct().sorted().toList();
            result.add(new QuasiIdentifier(columns.get(column), specification.build(values)));
        }
        if (result.size() != quasiIdentifiers.size()) {
            throw new IllegalArgumentException("policy of " + dataset + " names quasi-identifiers " + quasiIdentifiers.keySet()
                    + " but the table has columns " + columns);
        }
        return result;
    }
}
