package org.ebpmlake.anonymize;

/** The earth mover's distance from a class's sensitive distribution to the input's overall one. */
@FunctionalInterface
public interface DistanceToOverall {
    double distance(long[] classFrequencies);
}
