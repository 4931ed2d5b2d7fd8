package org.ebpmlake.dashboards.declaration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ebpmlake.schemas.LocalizedText;

/**
 * One chart of a dashboard, renderer-neutral: where its rows come from (a mart table, {@code source}, or a portable
 * SELECT over mart tables, {@code sql}, written with zone-qualified names such as {@code mart.kpi_progress}), a fixed
 * condition ({@code where}), its dimensions (the first is the x axis), an optional {@code series} dimension, its
 * measures, the filters a reader may change, the order of rows, and Japanese and English texts. The static site runs
 * the query on Spark; a Superset renderer makes the same query a dataset and the rest a chart's form data.
 */
public record ChartDeclaration(
        @JsonProperty("id") String id,
        @JsonProperty("title") LocalizedText title,
        @JsonProperty("note") Optional<LocalizedText> note,
        @JsonProperty("type") ChartType type,
        @JsonProperty("source") Optional<String> source,
        @JsonProperty("sql") Optional<String> sql,
        @JsonProperty("where") Optional<String> where,
        @JsonProperty("dimensions") List<FieldDeclaration> dimensions,
        @JsonProperty("series") Optional<FieldDeclaration> series,
        @JsonProperty("measures") List<MeasureDeclaration> measures,
        @JsonProperty("filters") List<FieldDeclaration> filters,
        @JsonProperty("columns") List<FieldDeclaration> columns,
        @JsonProperty("order_by") List<String> orderBy) {
    private static final Pattern MART_TABLE = Pattern.compile("mart\\.[a-z][a-z0-9_]*");

    public ChartDeclaration {
        requireNonNull(id, "id is null");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a chart id is lower case with dashes: '" + id + "'");
        }
        requireNonNull(title, "title is null for chart " + id);
        note = requireNonNull(note, "note is null");
        requireNonNull(type, "type is null for chart " + id);
        source = requireNonNull(source, "source is null");
        sql = requireNonNull(sql, "sql is null");
        where = requireNonNull(where, "where is null");
        if (source.isPresent() == sql.isPresent()) {
            throw new IllegalArgumentException("chart " + id + " needs exactly one of source (a mart table) and sql");
        }
        source.ifPresent(table -> {
            if (!MART_TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("chart " + id + " reads a mart table (mart.<name>), not '" + table + "'");
            }
        });
        where.ifPresent(FieldDeclaration::checkPortable);
        dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
        series = requireNonNull(series, "series is null");
        measures = List.copyOf(measures == null ? List.of() : measures);
        filters = List.copyOf(filters == null ? List.of() : filters);
        columns = List.copyOf(columns == null ? List.of() : columns);
        orderBy = List.copyOf(orderBy == null ? List.of() : orderBy);
        if (measures.isEmpty() && type != ChartType.TABLE) {
            throw new IllegalArgumentException("chart " + id + " declares no measure");
        }
    }

    /** Every field the chart reads besides its measures: dimensions, series, filters (and their label columns), extra columns. */
    public List<FieldDeclaration> fields() {
        List<FieldDeclaration> fields = new ArrayList<>(dimensions);
        series.ifPresent(fields::add);
        fields.addAll(filters);
        fields.addAll(columns);
        return fields;
    }

    /** The mart tables the chart reads, as the role that may see its dashboard must be able to. */
    public List<String> martTables() {
        if (source.isPresent()) {
            return List.of(source.get());
        }
        return MART_TABLE.matcher(sql.get()).results().map(found -> found.group()).distinct().toList();
    }

    /** Whether any measure is aggregated over rows (the query then groups by the fields). */
    public boolean aggregates() {
        return measures.stream().anyMatch(measure -> measure.aggregation() != Aggregate.NONE);
    }
}
