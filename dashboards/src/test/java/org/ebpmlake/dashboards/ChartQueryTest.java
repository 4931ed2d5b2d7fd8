package org.ebpmlake.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.junit.jupiter.api.Test;

/** Declared charts as the Spark SQL the site runs on one lake's catalog. */
class ChartQueryTest {
    private final DashboardCatalog dashboards = DashboardCatalog.load();

    @Test
    void aDeclaredSelectReadsTheLakesOwnCatalogAndAPastReportReadsItsTag() {
        String current = ChartQuery.sql(dashboards.dashboard("kpi-overview").chart("kpi-status"), "lake_x");
        String tagged = ChartQuery.sql(dashboards.dashboard("kpi-overview").chart("kpi-status"), "lake_x",
                Map.of("mart.kpi_progress", "report-2025-03-31"));

        assertThat(current).contains("FROM lake_x.mart.kpi_progress p LEFT JOIN lake_x.mart.kpi_reporting r").doesNotContain("VERSION AS OF");
        assertThat(tagged).contains("lake_x.mart.kpi_progress VERSION AS OF 'report-2025-03-31' p")
                .contains("lake_x.mart.kpi_reporting r");
    }

    @Test
    void measuresCarryTheirSuppressionFlagsAndAggregatedMeasuresGroupByEveryField() {
        String scores = ChartQuery.sql(dashboards.dashboard("education-scores").chart("mean-score-trend"), "lake");
        String before = ChartQuery.sql(dashboards.dashboard("footfall-midosuji").chart("street-change"), "lake");

        assertThat(scores).startsWith("SELECT fiscal_year AS fiscal_year, grade AS grade").contains("mean_score, suppressed")
                .contains("FROM lake.mart.education_scores").doesNotContain("GROUP BY");
        assertThat(before).contains("avg(share_15_to_180) AS share_15_to_180")
                .contains("GROUP BY CASE WHEN visit_date < DATE '2025-03-20' THEN '1_before' ELSE '2_after' END").endsWith("ORDER BY period");
    }
}
