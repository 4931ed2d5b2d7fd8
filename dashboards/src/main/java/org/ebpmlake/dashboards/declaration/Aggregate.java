package org.ebpmlake.dashboards.declaration;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * How a measure is aggregated over the rows of one dimension value. Education marts hold one published cell per row,
 * so their measures are {@code none} (a renderer that must aggregate, such as Superset, uses MAX, which returns the
 * cell itself); averages over days are {@code avg}.
 */
public enum Aggregate {
    NONE,
    SUM,
    AVG,
    MAX;

    /** The SQL aggregate around a column; {@code none} is MAX over exactly one row. */
    public String sql(String expression) {
        return switch (this) {
            case NONE, MAX -> "max(" + expression + ")";
            case SUM -> "sum(" + expression + ")";
            case AVG -> "avg(" + expression + ")";
        };
    }

    @JsonCreator
    public static Aggregate fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
