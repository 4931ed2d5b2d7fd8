package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.reference.KpiReportingDuties;
import org.ebpmlake.reference.KpiReportingDuty;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code mart.kpi_reporting} and {@code mart.kpi_receipts}: for every KPI its declared reporting duty
 * ({@code kpi/reporting-duties.csv}), the latest fiscal year with a figure, the day the latest report reached the
 * lake, the next due date and, where a figure is late, the day since which it has been owed; and every reported
 * figure with the time the lake received it (its raw batch's ingestion time).
 */
public final class KpiReportingMart {
    public static final TableName REPORTING = new TableName(Zone.MART, "kpi_reporting");
    public static final TableName RECEIPTS = new TableName(Zone.MART, "kpi_receipts");
    /** The plan starts in fiscal 2023: a KPI with no baseline year owes its first figure for that year. */
    private static final int PLAN_FIRST_YEAR = 2023;

    private final SparkSession spark;
    private final LakeSettings settings;
    private final LocalDate asOf;

    public KpiReportingMart(SparkSession spark, LakeSettings settings, LocalDate asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    public StageOutput build() {
        String catalog = settings.catalogName();
        String receipts = RECEIPTS.in(catalog);
        TableWrites.replaceAll(spark.sql("SELECT c.kpi_id, c.fiscal_year, c.actual_value, c.reported_by, r.received_at FROM "
                + catalog + ".curated.kpi_actuals_reported c JOIN (SELECT _batch_id, min(_ingested_at) AS received_at FROM "
                + catalog + ".raw.kpi_actuals_reported GROUP BY _batch_id) r ON r._batch_id = c._batch_id"), receipts);
        Map<String, Integer> latestYear = new HashMap<>();
        for (Row row : spark.sql("SELECT kpi_id, max(fiscal_year) FROM " + KpiActualsMart.TABLE.in(catalog) + " GROUP BY kpi_id")
                .collectAsList()) {
            latestYear.put(row.getString(0), row.getInt(1));
        }
        Map<String, LocalDate> lastReceived = new HashMap<>();
        for (Row row : spark.sql("SELECT kpi_id, max(to_date(received_at)) FROM " + receipts + " GROUP BY kpi_id").collectAsList()) {
            lastReceived.put(row.getString(0), row.<LocalDate>getAs(1));
        }
        KpiReportingDuties duties = KpiReportingDuties.load();
        List<Row> rows = new ArrayList<>();
        long overdue = 0;
        for (Row kpi : spark.table(KpiCatalogLoad.TABLE.in(catalog)).select("kpi_id", "baseline_period").collectAsList()) {
            String kpiId = kpi.getString(0);
            Optional<KpiReportingDuty> declared = duties.of(kpiId);
            if (declared.isEmpty()) {
                continue;
            }
            KpiReportingDuty duty = declared.get();
            Optional<Integer> latest = Optional.ofNullable(latestYear.get(kpiId));
            int firstDue = org.ebpmlake.reference.BaselinePeriod.fiscalYearOf(kpi.isNullAt(1) ? "" : kpi.getString(1))
                    .map(year -> Math.max(year + 1, PLAN_FIRST_YEAR)).orElse(PLAN_FIRST_YEAR);
            Optional<LocalDate> overdueSince = duty.overdueSince(latest, firstDue, asOf);
            if (overdueSince.isPresent()) {
                overdue++;
            }
            rows.add(RowFactory.create(kpiId, duty.departmentJa(), duty.departmentEn(), duty.cycle().code(), duty.dueDaysAfterPeriod(),
                    duty.sample(), latest.orElse(null), lastReceived.get(kpiId), duty.nextDueAfter(asOf), overdueSince.orElse(null)));
        }
        String table = REPORTING.in(catalog);
        TableWrites.replaceAll(spark.createDataFrame(rows, spark.table(table).schema()), table);
        return StageOutput.succeeded(rows.size(), rows.size(), overdue + " KPIs with a figure overdue as of " + asOf);
    }
}
