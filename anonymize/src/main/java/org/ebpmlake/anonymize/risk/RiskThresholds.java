package org.ebpmlake.anonymize.risk;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The highest risks a release may carry, stated in any of the measures: the prosecutor's, journalist's and
 * marketer's risks and the population uniqueness (Dankar's estimate). A release above any of them is refused.
 */
public record RiskThresholds(Map<String, Double> limits) {
    public static final List<String> MEASURES = List.of("prosecutor_highest", "prosecutor_average", "journalist_highest",
            "journalist_average", "marketer", "population_uniqueness");

    public RiskThresholds {
        limits = Map.copyOf(requireNonNull(limits, "limits is null"));
        for (Map.Entry<String, Double> limit : limits.entrySet()) {
            if (!MEASURES.contains(limit.getKey())) {
                throw new IllegalArgumentException("no risk measure '" + limit.getKey() + "'; the measures are " + MEASURES);
            }
            if (!(limit.getValue() >= 0 && limit.getValue() <= 1)) {
                throw new IllegalArgumentException("the threshold of " + limit.getKey() + " must be in [0, 1]");
            }
        }
    }

    /** Each measure of the risks by name. */
    public static Map<String, Double> measures(ReidentificationRisks risks) {
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("prosecutor_highest", risks.prosecutor().highest());
        measures.put("prosecutor_average", risks.prosecutor().average());
        measures.put("journalist_highest", risks.journalist().highest());
        measures.put("journalist_average", risks.journalist().average());
        measures.put("marketer", risks.marketer());
        measures.put("population_uniqueness", risks.populationUniqueness().dankar());
        return measures;
    }

    /** What exceeds its threshold, worded for a refusal; empty when the release is within every threshold. */
    public List<String> exceeded(ReidentificationRisks risks) {
        requireNonNull(risks, "risks is null");
        List<String> exceeded = new ArrayList<>();
        Map<String, Double> measures = measures(risks);
        for (String measure : MEASURES) {
            Double limit = limits.get(measure);
            if (limit != null && measures.get(measure) > limit) {
                exceeded.add(String.format("%s %.6f exceeds its threshold %s", measure, measures.get(measure), limit));
            }
        }
        return exceeded;
    }
}
