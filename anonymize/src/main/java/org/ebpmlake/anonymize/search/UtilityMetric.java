package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The utility metric the search minimises, declared as ARX declares it ({@code Metric.createLossMetric(gsFactor)},
 * {@code createAECSMetric(gsFactor)}, {@code createDiscernabilityMetric()}, {@code createPrecisionMetric(gsFactor)},
 * {@code createEntropyMetric(gsFactor)}), with ARX's attribute weights ({@code ARXConfiguration.setAttributeWeight}).
 *
 * @param gsFactor ARX's factor in [0, 1] weighting generalization against suppression: 0.5 treats both alike,
 *     0 makes suppression free, 1 makes generalization free
 * @param attributeWeights weights of quasi-identifiers, each ≥ 0; an attribute not named weighs ARX's default 0.5,
 *     and the weights are divided by the largest, as ARX does (all 1 when every weight is 0)
 */
public record UtilityMetric(Kind kind, double gsFactor, AggregateFunction aggregateFunction,
        Map<String, Double> attributeWeights) {
    /** ARX's weight of an attribute the configuration does not name. */
    static final double DEFAULT_WEIGHT = 0.5;

    /** The metrics, by the names policies and the command line use. */
    public enum Kind {
        /** ARX's Loss (MetricMDNMLoss): per attribute the records' domain shares, normalized to [0, 1]. */
        LOSS("loss", AggregateFunction.GEOMETRIC_MEAN, true),
        /** ARX's average equivalence class size (MetricSDAECS), all suppressed records forming one class. */
        AECS("aecs", AggregateFunction.SUM, false),
        /** ARX's non-monotonic discernibility (MetricSDNMDiscernability): Σ kept class size² + suppressed × records. */
        DISCERNIBILITY("discernibility", AggregateFunction.SUM, false),
        /** ARX's non-monotonic precision (MetricMDNMPrecision): per attribute the mean of level ÷ hierarchy height. */
        PRECISION("precision", AggregateFunction.ARITHMETIC_MEAN, true),
        /** ARX's non-monotonic non-uniform entropy (MetricMDNUNMEntropyPrecomputed), in bits. */
        ENTROPY("entropy", AggregateFunction.SUM, true);

        private final String label;
        private final AggregateFunction defaultAggregate;
        private final boolean weighsAttributes;

        Kind(String label, AggregateFunction defaultAggregate, boolean weighsAttributes) {
            this.label = label;
            this.defaultAggregate = defaultAggregate;
            this.weighsAttributes = weighsAttributes;
        }

        public String label() {
            return label;
        }

        /** Whether the metric is computed per attribute, so that attribute weights count. */
        public boolean weighsAttributes() {
            return weighsAttributes;
        }

        /** The metric of this name, as written in a policy or on the command line. */
        public static Optional<Kind> named(String name) {
            requireNonNull(name, "name is null");
            return Stream.of(values()).filter(kind -> kind.label.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst();
        }

        public static List<String> labels() {
            return Stream.of(values()).map(Kind::label).toList();
        }
    }

    public UtilityMetric {
        requireNonNull(kind, "kind is null");
        requireNonNull(aggregateFunction, "aggregateFunction is null");
        requireNonNull(attributeWeights, "attributeWeights is null");
        if (!(gsFactor >= 0 && gsFactor <= 1)) {
            throw new IllegalArgumentException("the gs-factor must be in [0, 1], got " + gsFactor);
        }
        if (kind == Kind.DISCERNIBILITY && gsFactor != 0.5) {
            throw new IllegalArgumentException("discernibility has no gs-factor (ARX fixes it at 0.5); got " + gsFactor);
        }
        attributeWeights.forEach((attribute, weight) -> {
            if (weight == null || !(weight >= 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("the weight of " + attribute + " must be a number ≥ 0, got " + weight);
            }
        });
        if (!kind.weighsAttributes() && !attributeWeights.isEmpty()) {
            throw new IllegalArgumentException(kind.label() + " is one figure for the whole table and weighs no attribute:"
                    + " drop the attribute weights " + attributeWeights.keySet() + " or choose loss, precision or entropy");
        }
        attributeWeights = Collections.unmodifiableMap(new LinkedHashMap<>(attributeWeights));
    }

    /** ARX's default metric: Loss with gs-factor 0.5 and the geometric mean, unweighted. */
    public static UtilityMetric loss() {
        return of(Kind.LOSS);
    }

    /** The metric with ARX's defaults: gs-factor 0.5, the metric's default aggregate function, no weights. */
    public static UtilityMetric of(Kind kind) {
        return new UtilityMetric(kind, 0.5, kind.defaultAggregate, Map.of());
    }

    /** The metric of this name with ARX's defaults; an unknown name is refused with the names there are. */
    public static UtilityMetric named(String name) {
        return of(Kind.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown utility metric '" + name + "'; the metrics are " + String.join(", ", Kind.labels()))));
    }

    public UtilityMetric withGsFactor(double factor) {
        return new UtilityMetric(kind, factor, aggregateFunction, attributeWeights);
    }

    public UtilityMetric withAggregateFunction(AggregateFunction function) {
        return new UtilityMetric(kind, gsFactor, function, attributeWeights);
    }

    public UtilityMetric withAttributeWeights(Map<String, Double> weights) {
        return new UtilityMetric(kind, gsFactor, aggregateFunction, weights);
    }

    /** ARX's factor on generalized values: 1 up to a gs-factor of 0.5, then falling to 0 at 1. */
    double generalizationFactor() {
        if (gsFactor <= 0.5) {
            return 1;
        }
        return 1 - 2 * (gsFactor - 0.5);
    }

    /** ARX's factor on suppressed values: rising from 0 at a gs-factor of 0 to 1 at 0.5, then 1. */
    double suppressionFactor() {
        if (gsFactor < 0.5) {
            return 2 * gsFactor;
        }
        return 1;
    }

    /** Each quasi-identifier's weight, in the given order, divided by the largest as ARX does. */
    double[] normalizedWeights(List<String> quasiIdentifiers) {
        double[] weights = new double[quasiIdentifiers.size()];
        double maximum = 0;
        for (int attribute = 0; attribute < weights.length; attribute++) {
            weights[attribute] = attributeWeights.getOrDefault(quasiIdentifiers.get(attribute), DEFAULT_WEIGHT);
            maximum = Math.max(maximum, weights[attribute]);
        }
        for (int attribute = 0; attribute < weights.length; attribute++) {
            if (maximum == 0) {
                weights[attribute] = 1;
            } else {
                weights[attribute] /= maximum;
            }
        }
        return weights;
    }

    /** The metric as reports name it, e.g. {@code loss(gs=0.5, geometric_mean, weights {age=1.0})}. */
    public String description() {
        StringBuilder description = new StringBuilder(kind.label()).append('(');
        if (kind != Kind.DISCERNIBILITY) {
            description.append("gs=").append(gsFactor);
        }
        if (kind.weighsAttributes()) {
            description.append(", ").append(aggregateFunction.name().toLowerCase(Locale.ROOT));
            if (!attributeWeights.isEmpty()) {
                description.append(", weights ").append(attributeWeights.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ", "{", "}")));
            }
        }
        return description.append(')').toString();
    }
}
