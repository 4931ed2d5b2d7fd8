package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The columns and rows of a query's result, as text for display. */
public record QueryResult(List<String> columns, List<List<String>> rows) {
    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }
}
