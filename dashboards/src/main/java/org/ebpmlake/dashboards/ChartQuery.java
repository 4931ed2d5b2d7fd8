package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.FieldDeclaration;
import org.ebpmlake.dashboards.declaration.MeasureDeclaration;

/**
 * The SQL of a declared chart on one lake, read alike by Spark SQL and by Trino (whose catalog bears the lake's catalog name, so a Superset dataset is this same query): its fields, measures and suppression flags from its source (a mart
 * table, or its declared SELECT with {@code mart.} names placed in the lake's catalog), its fixed condition, grouped
 * when a measure aggregates, in the declared order.
 */
public final class ChartQuery {
    private ChartQuery() {
    }

    public static String sql(ChartDeclaration chart, String catalog) {
        return sql(chart, catalog, Map.of());
    }

    /**
     * @param snapshots mart tables to read as of an Iceberg tag instead of their current snapshot, e.g.
     *     {@code mart.kpi_progress → report-2025-03-31}, as a progress report for a past date needs
     */
    static String sql(ChartDeclaration chart, String catalog, Map<String, String> snapshots) {
        requireNonNull(chart, "chart is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(snapshots, "snapshots is null");
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldDeclaration field : chart.fields()) {
            fields.putIfAbsent(field.column(), field.sql());
            field.labelColumns().ifPresent(labels -> {
                fields.putIfAbsent(labels.ja(), labels.ja());
                fields.putIfAbsent(labels.en(), labels.en());
            });
        }
        List<String> select = new ArrayList<>();
        fields.forEach((name, sql) -> select.add(sql + " AS " + name));
        for (MeasureDeclaration measure : chart.measures()) {
            if (chart.aggregates()) {
                select.add(measure.aggregation().sql(measure.column()) + " AS " + measure.column());
            } else {
                select.add(measure.column());
            }
            measure.suppressedFlag().filter(flag -> !fields.containsKey(flag) && !select.contains(flag)).ifPresent(select::add);
        }
        String from = chart.source().map(table -> catalog + "." + table)
                .orElseGet(() -> "(" + chart.sql().orElseThrow().replaceAll("(?<![A-Za-z0-9_.])mart\\.", catalog + ".mart.") + ") q");
        for (Map.Entry<String, String> snapshot : snapshots.entrySet()) {
            if (!snapshot.getValue().matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("not a tag name: " + snapshot.getValue());
            }
            from = from.replaceAll("(" + java.util.regex.Pattern.quote(catalog + "." + snapshot.getKey()) + ")(?![A-Za-z0-9_])",
                    "$1 VERSION AS OF '" + snapshot.getValue() + "'");
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(from);
        chart.where().ifPresent(condition -> sql.append(" WHERE ").append(condition));
        if (chart.aggregates()) {
            sql.append(" GROUP BY ").append(String.join(", ", fields.values()));
        }
        if (!chart.orderBy().isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", chart.orderBy()));
        }
        return sql.toString();
    }
}
