package org.ebpmlake.sql.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Trino's QueryCompletedEvent JSON (as its HTTP event listener posts it) into a {@link QueryEvent},
 * and writes and reads the audit spool's one-line form.
 */
public final class QueryEventJson {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String catalogName;
    /** A table named in an access-denied message: a denied query read nothing, but the audit says what it tried. */
    private final Pattern deniedTable;

    public QueryEventJson(String catalogName) {
        this.catalogName = java.util.Objects.requireNonNull(catalogName, "catalogName is null");
        this.deniedTable = Pattern.compile("\\b(?:table|view) " + Pattern.quote(catalogName) + "(?:_maintenance)?\\.([a-z0-9_]+)\\.([a-z0-9_$]+)");
    }

    public QueryEvent fromTrino(String json) {
        try {
            JsonNode event = mapper.readTree(json);
            JsonNode metadata = event.path("metadata");
            List<String> tables = new ArrayList<>();
            for (JsonNode input : event.path("ioMetadata").path("inputs")) {
                String inputCatalog = input.path("catalogName").asText();
                if (catalogName.equals(inputCatalog) || (catalogName + "_maintenance").equals(inputCatalog)) {
                    tables.add(input.path("schema").asText() + "." + input.path("table").asText());
                }
            }
            Matcher denied = deniedTable.matcher(event.path("failureInfo").path("failureMessage").asText(""));
            while (denied.find()) {
                String table = denied.group(1) + "." + denied.group(2);
                if (!tables.contains(table)) {
                    tables.add(table);
                }
            }
            if (metadata.path("queryId").asText("").isBlank() || event.path("context").path("user").asText("").isBlank()) {
                throw new IllegalArgumentException("a query event without query id or user");
            }
            JsonNode errorCode = event.path("failureInfo").path("errorCode").path("name");
            return new QueryEvent(
                    metadata.path("queryId").asText(),
                    event.path("context").path("user").asText(),
                    tables,
                    metadata.path("queryState").asText("UNKNOWN"),
                    errorCode.isMissingNode() || errorCode.isNull() ? Optional.empty() : Optional.of(errorCode.asText()),
                    instant(event.path("createTime")).orElseThrow(() -> new IllegalArgumentException("event without createTime")),
                    instant(event.path("endTime")));
        } catch (IOException e) {
            throw new UncheckedIOException("not a Trino query event", e);
        }
    }

    public String toSpoolLine(QueryEvent event) {
        ObjectNode line = mapper.createObjectNode();
        line.put("query_id", event.queryId());
        line.put("user", event.user());
        event.tables().forEach(line.putArray("tables")::add);
        if (event.tables().isEmpty()) {
            line.putArray("tables");
        }
        line.put("state", event.state());
        event.errorCode().ifPresent(code -> line.put("error_code", code));
        line.put("created_at", event.createdAt().toString());
        event.endedAt().ifPresent(ended -> line.put("ended_at", ended.toString()));
        return line.toString();
    }

    public QueryEvent fromSpoolLine(String text) {
        try {
            JsonNode line = mapper.readTree(text);
            List<String> tables = new ArrayList<>();
            line.path("tables").forEach(table -> tables.add(table.asText()));
            return new QueryEvent(line.path("query_id").asText(), line.path("user").asText(), tables,
                    line.path("state").asText(),
                    line.hasNonNull("error_code") ? Optional.of(line.get("error_code").asText()) : Optional.empty(),
                    Instant.parse(line.path("created_at").asText()),
                    line.hasNonNull("ended_at") ? Optional.of(Instant.parse(line.get("ended_at").asText())) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("not an audit spool line", e);
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            // Trino's JSON codec writes instants as seconds with a fraction.
            return Optional.of(Instant.ofEpochMilli(Math.round(node.asDouble() * 1000)));
        }
        return Optional.of(Instant.parse(node.asText()));
    }
}
