package org.ebpmlake.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * One column's repeated values as one string each, while the column has few enough distinct values for that to pay:
 * a column of identifiers, all different, would only fill the map, so past {@link #MOST_DISTINCT} new values are
 * kept as they come.
 */
final class SharedValues {
    static final int MOST_DISTINCT = 1 << 16;

    private final Map<String, String> values = new HashMap<>();

    String shared(String value) {
        if (value == null) {
            return null;
        }
        String existing = values.get(value);
        if (existing != null) {
            return existing;
        }
        if (values.size() < MOST_DISTINCT) {
            values.put(value, value);
        }
        return value;
    }
}
