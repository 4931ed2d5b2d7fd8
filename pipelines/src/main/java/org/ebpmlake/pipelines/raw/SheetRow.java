package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A row near the top of a delivery, as cells of text, where its header is looked for: the physical lines it
 * spans (a quoted header cell may hold a line break) or its sheet row.
 */
record SheetRow(long line, long lastLine, List<String> cells) {
    SheetRow {
        if (line < 1 || lastLine < line) {
            throw new IllegalArgumentException("a row spans lines " + line + " to " + lastLine);
        }
        cells = List.copyOf(requireNonNull(cells, "cells is null"));
    }

    String cell(int column) {
        if (column >= cells.size()) {
            return "";
        }
        return cells.get(column);
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
