package org.ebpmlake.anonymize;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The values of a sensitive attribute in the order used for class frequencies, and how often each occurs in
 * the whole input (the distribution t-closeness compares every class with).
 */
public record SensitiveDomain(List<String> values, long[] overallFrequencies) {
    /** For models that look at class sizes only. */
    public static final SensitiveDomain NONE = new SensitiveDomain(List.of(), new long[0]);

    public SensitiveDomain {
        requireNonNull(values, "values is null");
        requireNonNull(overallFrequencies, "overallFrequencies is null");
        values = List.copyOf(values);
        overallFrequencies = overallFrequencies.clone();
        if (values.size() != overallFrequencies.length) {
            throw new IllegalArgumentException(values.size() + " values but " + overallFrequencies.length + " frequencies");
        }
    }

    @Override
    public long[] overallFrequencies() {
        return overallFrequencies.clone();
    }

    long total() {
        return Arrays.stream(overallFrequencies).sum();
    }

    long frequency(int index) {
        return overallFrequencies[index];
    }
}
