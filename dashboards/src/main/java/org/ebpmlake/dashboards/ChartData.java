package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.MeasureDeclaration;

/**
 * The rows one chart shows, as plain values a page can carry (text, numbers, booleans, dates as text). A measure
 * whose suppression flag is set is blanked here whatever the mart holds, so no renderer can show it as a number.
 */
record ChartData(List<String> columns, List<List<Object>> rows) {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    ChartData {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    static ChartData query(SparkSession spark, ChartDeclaration chart, String catalog) {
        return query(spark, chart, catalog, java.util.Map.of());
    }

    static ChartData query(SparkSession spark, ChartDeclaration chart, String catalog, java.util.Map<String, String> snapshots) {
        org.apache.spark.sql.Dataset<Row> query = spark.sql(ChartQuery.sql(chart, catalog, snapshots));
        List<Row> result = query.collectAsList();
        List<String> columns = Arrays.asList(query.columns());
        List<List<Object>> rows = new ArrayList<>(result.size());
        for (Row row : result) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int index = 0; index < columns.size(); index++) {
                values.add(plain(row.get(index)));
            }
            rows.add(values);
        }
        return new ChartData(columns, rows).blankSuppressed(chart);
    }

    int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the chart's rows have no column " + name + " (they have " + columns + ")");
        }
        return index;
    }

    /** Only the rows whose {@code column} holds {@code value}. */
    ChartData where(String column, Object value) {
        int index = column(column);
        return new ChartData(columns, rows.stream().filter(row -> Objects.equals(row.get(index), value)).toList());
    }

    private ChartData blankSuppressed(ChartDeclaration chart) {
        List<List<Object>> blanked = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row);
            for (MeasureDeclaration measure : chart.measures()) {
                if (measure.suppressedFlag().isPresent() && Boolean.TRUE.equals(row.get(column(measure.suppressedFlag().get())))) {
                    copy.set(column(measure.column()), null);
                }
            }
            blanked.add(java.util.Collections.unmodifiableList(copy));
        }
        return new ChartData(columns, blanked);
    }

    private static Object plain(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return MINUTES.format(instant);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.doubleValue();
        }
        return value;
    }
}
