package org.ebpmlake.schemas;

/**
 * The values a numeric column may hold, both ends included. Declared as {@code range: {min: 0, max: 100}};
 * a delivered value outside it is quarantined as out of range rather than stored.
 */
public record ValueRange(double min, double max) {
    public ValueRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("a range needs min <= max, got [" + min + ", " + max + "]");
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
