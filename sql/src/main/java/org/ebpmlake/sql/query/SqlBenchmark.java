package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times a fixed set of planner queries on an engine: each query once to warm up, then {@code repetitions}
 * times; reports median and 95th percentile in milliseconds. A benchmark, not a test: it prints figures and
 * asserts nothing about them.
 */
public final class SqlBenchmark {
    /** Planner queries over the de-identified residents and the KPI marts, by a short name. */
    public static final Map<String, String> PLANNER_QUERIES = plannerQueries();

    private final int repetitions;

    public SqlBenchmark(int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be positive, got " + repetitions);
        }
        this.repetitions = repetitions;
    }

    /** Latency of one query on one engine. */
    public record Latency(String query, double medianMillis, double p95Millis) {
        public Latency {
            requireNonNull(query, "query is null");
        }
    }

    public List<Latency> measure(SqlEngine engine) {
        requireNonNull(engine, "engine is null");
        List<Latency> latencies = new ArrayList<>();
        for (Map.Entry<String, String> query : PLANNER_QUERIES.entrySet()) {
            engine.execute(query.getValue());
            double[] millis = new double[repetitions];
            for (int run = 0; run < repetitions; run++) {
                long started = System.nanoTime();
                engine.execute(query.getValue());
                millis[run] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            latencies.add(new Latency(query.getKey(), percentile(millis, 0.5), percentile(millis, 0.95)));
        }
        return latencies;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Map<String, String> plannerQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("residents_by_ward", "SELECT ward_code, count(*) AS residents FROM deid.residents GROUP BY ward_code ORDER BY ward_code");
        queries.put("card_rate_by_age_sex", "SELECT age_band, sex, avg(CASE WHEN has_my_number_card THEN 1.0 ELSE 0.0 END) AS card_rate "
                + "FROM deid.residents GROUP BY age_band, sex ORDER BY age_band, sex");
        queries.put("kpi_status_by_area", "SELECT value_area, status, count(*) AS kpis FROM mart.kpi_progress GROUP BY value_area, status "
                + "ORDER BY value_area, status");
        queries.put("kpi_trend_join", "SELECT p.kpi_id, a.fiscal_year, a.actual_value, p.target_value FROM mart.kpi_progress p "
                + "JOIN mart.kpi_actuals a ON a.kpi_id = p.kpi_id ORDER BY p.kpi_id, a.fiscal_year");
        return java.util.Collections.unmodifiableMap(queries);
    }
}
