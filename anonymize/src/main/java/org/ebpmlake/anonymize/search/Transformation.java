package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A full-domain generalization: the hierarchy level each quasi-identifier is generalized to. */
public record Transformation(List<String> attributes, List<Integer> levels) {
    public Transformation {
        requireNonNull(attributes, "attributes is null");
        requireNonNull(levels, "levels is null");
        attributes = List.copyOf(attributes);
        levels = List.copyOf(levels);
        if (attributes.size() != levels.size()) {
            throw new IllegalArgumentException(attributes.size() + " attributes but " + levels.size() + " levels");
        }
    }

    public Map<String, Integer> levelByAttribute() {
        Map<String, Integer> byAttribute = new LinkedHashMap<>();
        for (int index = 0; index < attributes.size(); index++) {
            byAttribute.put(attributes.get(index), levels.get(index));
        }
        return byAttribute;
    }

    @Override
    public String toString() {
        return levelByAttribute().toString();
    }
}
