package org.ebpmlake.sql.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the audit keeps of a completed query: who ran it, when, which tables it read, and how it ended.
 * Never the query text (a WHERE clause can hold a personal value) and never its results.
 *
 * @param tables tables read, as {@code schema.table} of the lake's catalog
 */
public record QueryEvent(String queryId, String user, List<String> tables, String state, Optional<String> errorCode,
        Instant createdAt, Optional<Instant> endedAt) {
    public QueryEvent {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(user, "user is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(state, "state is null");
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(endedAt, "endedAt is null");
    }
}
