package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** A published sum: the cell {@code total} counts exactly what its {@code parts} count together (a ward and its schools). */
public record Margin(String total, List<String> parts) {
    public Margin {
        requireNonNull(total, "total is null");
        parts = List.copyOf(requireNonNull(parts, "parts is null"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("margin " + total + " has no parts");
        }
    }

    /** The total and its parts. */
    List<String> members() {
        List<String> members = new ArrayList<>(parts.size() + 1);
        members.add(total);
        members.addAll(parts);
        return members;
    }
}
