package org.ebpmlake.pipelines.evaluation;

import java.util.Locale;

/**
 * What is done to a unit's mean before it is compared. {@code log} makes the effect a relative one (an estimate b is
 * a change of {@code exp(b) − 1}), the usual choice for counts such as footfall that differ in size between units.
 */
public enum MetricTransform {
    NONE,
    LOG;

    public double apply(double value) {
        return switch (this) {
            case NONE -> value;
            case LOG -> Math.log(value);
        };
    }

    public boolean accepts(double value) {
        return this == NONE || value > 0;
    }

    public String declaredName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetricTransform ofDeclared(String name) {
        for (MetricTransform transform : values()) {
            if (transform.declaredName().equals(name)) {
                return transform;
            }
        }
        throw new IllegalArgumentException("transform must be none or log, got '" + name + "'");
    }
}
