package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.UtilityMetric;

/**
 * What either engine needs to de-identify rows, whether it comes from a policy in {@code conf/privacy} or from
 * the steward's command line: the quasi-identifier columns, how their hierarchies are built over the values
 * that occur, the privacy models, the suppression limit and the utility metric the search minimises.
 */
public record AnonymizationSpecification(List<String> quasiIdentifierColumns, Hierarchies hierarchies,
        List<PrivacyModel> models, double suppressionLimit, UtilityMetric metric) {

    /** Builds the quasi-identifiers' hierarchies, given each column's distinct values, sorted. */
    @FunctionalInterface
    public interface Hierarchies {
        List<QuasiIdentifier> over(Function<String, List<String>> valuesOf);
    }

    public AnonymizationSpecification {
        quasiIdentifierColumns = List.copyOf(requireNonNull(quasiIdentifierColumns, "quasiIdentifierColumns is null"));
        requireNonNull(hierarchies, "hierarchies is null");
        models = List.copyOf(requireNonNull(models, "models is null"));
        requireNonNull(metric, "metric is null");
    }

    /** Minimising ARX's default Loss. */
    public AnonymizationSpecification(List<String> quasiIdentifierColumns, Hierarchies hierarchies,
            List<PrivacyModel> models, double suppressionLimit) {
        this(quasiIdentifierColumns, hierarchies, models, suppressionLimit, UtilityMetric.loss());
    }

    /** The columns a sensitive-attribute model reads. */
    public List<String> sensitiveColumns() {
        return models.stream().flatMap(model -> model.sensitiveAttribute().stream()).distinct().toList();
    }

    /** The columns the engine reads: the quasi-identifiers, then the sensitive columns. */
    public List<String> engineColumns() {
        List<String> columns = new ArrayList<>(quasiIdentifierColumns);
        columns.addAll(sensitiveColumns());
        return List.copyOf(columns);
    }
}
