package org.ebpmlake.anonymize;

/**
 * Generalizes an age in years to a band of fixed width with an open top band, e.g. width 20 and top 80:
 * {@code 0-19, 20-39, 40-59, 60-79, 80+}.
 */
public record AgeBands(int width, int openFrom) {
    public AgeBands {
        if (width < 1) {
            throw new IllegalArgumentException("band width must be positive, got " + width);
        }
        if (openFrom < width || openFrom % width != 0) {
            throw new IllegalArgumentException("the open band must start at a multiple of the width " + width + ", got " + openFrom);
        }
    }

    public String bandOf(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age cannot be negative: " + age);
        }
        if (age >= openFrom) {
            return openFrom + "+";
        }
        int low = age / width * width;
        return low + "-" + (low + width - 1);
    }
}
