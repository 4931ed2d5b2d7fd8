package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One cell of a published count table: its id (unique in the table), the number it counts, and optionally a link
 * key shared by cells that count the same group in another slice (the same school and grade in another subject),
 * so that hiding the group in one slice hides it in all of them.
 */
public record ProtectedCell(String id, long count, Optional<String> link) {
    public ProtectedCell {
        requireNonNull(id, "id is null");
        if (count < 0) {
            throw new IllegalArgumentException("cell " + id + " counts " + count + ", a count cannot be negative");
        }
        requireNonNull(link, "link is null");
    }
}
