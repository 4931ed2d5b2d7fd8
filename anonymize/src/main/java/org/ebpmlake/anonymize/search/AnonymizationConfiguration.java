package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.anonymize.PrivacyModel;

/**
 * What to anonymize and how: the quasi-identifiers with their hierarchies, the privacy models every kept
 * equivalence class must meet, the share of records that may be suppressed instead, and the utility metric the
 * search minimises (ARX's Loss by default).
 */
public record AnonymizationConfiguration(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
        double suppressionLimit, UtilityMetric metric, Optional<TupleCounts> population) {
    public AnonymizationConfiguration {
        requireNonNull(quasiIdentifiers, "quasiIdentifiers is null");
        requireNonNull(models, "models is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(population, "population is null");
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        models = List.copyOf(models);
        if (quasiIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("at least one quasi-identifier is needed");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one privacy model is needed");
        }
        if (!(suppressionLimit >= 0 && suppressionLimit < 1)) {
            throw new IllegalArgumentException("the suppression limit must be in [0, 1), got " + suppressionLimit);
        }
        Set<String> columns = new HashSet<>();
        for (QuasiIdentifier quasiIdentifier : quasiIdentifiers) {
            if (!columns.add(quasiIdentifier.column())) {
                throw new IllegalArgumentException("the quasi-identifier " + quasiIdentifier.column() + " is given twice");
            }
        }
        for (String attribute : metric.attributeWeights().keySet()) {
            if (!columns.contains(attribute)) {
                throw new IllegalArgumentException("a weight is given for " + attribute + ", which is not a quasi-identifier;"
                        + " the quasi-identifiers are " + quasiIdentifiers.stream().map(QuasiIdentifier::column).toList());
            }
        }
        for (PrivacyModel model : models) {
            if (model.needsPopulation() && population.isEmpty()) {
                throw new IllegalArgumentException(model + " counts classes in the population: give the population table");
            }
            model.sensitiveAttribute().filter(columns::contains).ifPresent(attribute -> {
                throw new IllegalArgumentException("the sensitive attribute " + attribute + " is also a quasi-identifier");
            });
        }
    }

    /** ARX's defaults: the Loss metric aggregated by the geometric mean. */
    public AnonymizationConfiguration(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit) {
        this(quasiIdentifiers, models, suppressionLimit, UtilityMetric.loss(), Optional.empty());
    }

    /** ARX's Loss metric aggregated by the given function. */
    public AnonymizationConfiguration(List<QuasiIdentifier> quasiIdentifiers, List<PrivacyModel> models,
            double suppressionLimit, AggregateFunction aggregateFunction) {
        this(quasiIdentifiers, models, suppressionLimit, UtilityMetric.loss().withAggregateFunction(aggregateFunction),
                Optional.empty());
    }

    /** The same configuration minimising another metric. */
    public AnonymizationConfiguration withMetric(UtilityMetric otherMetric) {
        return new AnonymizationConfiguration(quasiIdentifiers, models, suppressionLimit, otherMetric, population);
    }

    /**
     * The same configuration against a population table (its rows counted, quasi-identifier columns at least): the
     * released records are a sample of it, for k-map and δ-presence.
     */
    public AnonymizationConfiguration withPopulation(TupleCounts populationCounts) {
        return new AnonymizationConfiguration(quasiIdentifiers, models, suppressionLimit, metric,
                Optional.of(populationCounts));
    }

    /** Suppressed records may not exceed this count, ARX's floor(limit × records). */
    long maximumSuppressed(long records) {
        return (long) Math.floor(suppressionLimit * records);
    }
}
