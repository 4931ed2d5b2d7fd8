package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

/**
 * t-closeness (Li, Li and Venkatasubramanian, 2007): the earth mover's distance between a class's sensitive
 * distribution and the whole input's is at most t, under the equal or the hierarchical ground distance.
 */
public record TCloseness(String attribute, double t, GroundDistance distance) implements SensitiveAttributeModel {
    public TCloseness {
        requireNonNull(attribute, "attribute is null");
        requireNonNull(distance, "distance is null");
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t must be in [0, 1], got " + t);
        }
    }

    @Override
    public ClassCriterion bind(SensitiveDomain domain) {
        DistanceToOverall toOverall = distance.bind(domain);
        return (size, populationSize, frequencies) -> toOverall.distance(frequencies) <= t;
    }

    @Override
    public String toString() {
        return t + "-closeness(" + attribute + ", " + distance + " distance)";
    }
}
