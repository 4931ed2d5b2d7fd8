package org.ebpmlake.pipelines.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.reference.KpiCatalogFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class KpiProgressMartTest {
    private static final LocalDate FIRST_REPORT = LocalDate.of(2024, 3, 31);
    private static final LocalDate SECOND_REPORT = LocalDate.of(2025, 3, 31);

    @Test
    void everyReportingPeriodKeepsTheExactPageItShowedAsAnIcebergTag(TemporaryLake lake) {
        lake.withTables();
        new KpiCatalogLoad(lake.spark(), lake.settings()).load();
        report(lake, "('K01-01-1', 2023, 1100.0, 'デジタル統括室', 'b1')", FIRST_REPORT);
        report(lake, "('K01-01-1', 2024, 1700.0, 'デジタル統括室', 'b2')", SECOND_REPORT);

        String table = lake.table("mart.kpi_progress");
        Row first = lake.spark().sql("SELECT * FROM " + table + " VERSION AS OF '" + KpiProgressMart.reportTag(FIRST_REPORT)
                + "' WHERE kpi_id = 'K01-01-1'").first();
        Row current = lake.spark().sql("SELECT * FROM " + table + " WHERE kpi_id = 'K01-01-1'").first();

        assertThat(first.<Double>getAs("latest_value")).isEqualTo(1100.0);
        assertThat(first.<Integer>getAs("latest_fiscal_year")).isEqualTo(2023);
        assertThat(first.<Double>getAs("forecast_value")).isNull();
        assertThat(current.<Double>getAs("latest_value")).isEqualTo(1700.0);
        assertThat(current.<Double>getAs("forecast_value")).isEqualTo(2300.0);
        assertThat(lake.spark().sql("SELECT * FROM " + table + " VERSION AS OF '" + KpiProgressMart.reportTag(SECOND_REPORT) + "'")
                .count()).isEqualTo(KpiCatalogFile.load().size());
    }

    private static void report(TemporaryLake lake, String values, LocalDate asOf) {
        lake.spark().sql("INSERT INTO " + lake.table("curated.kpi_actuals_reported") + " VALUES " + values);
        new KpiActualsMart(lake.spark(), lake.settings(), asOf).build();
        new KpiProgressMart(lake.spark(), lake.settings(), asOf).build();
    }
}
