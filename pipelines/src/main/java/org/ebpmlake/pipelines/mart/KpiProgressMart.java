package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.curated.KpiCatalogLoad;
import org.ebpmlake.pipelines.curated.KpiCatalogRows;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.reference.KpiStatus;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code mart.kpi_progress}: one row per KPI of the catalogue with its latest actual, status and forecast.
 * Each build is tagged {@code report-<as-of date>} in Iceberg, the official snapshot of that reporting
 * period: what the KPI page showed for a date can be read back exactly with {@code VERSION AS OF}.
 */
public final class KpiProgressMart {
    public static final TableName TABLE = new TableName(Zone.MART, "kpi_progress");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final KpiProgressRule rule = new KpiProgressRule();
    private final LocalDate asOf;

    public KpiProgressMart(SparkSession spark, LakeSettings settings, LocalDate asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
    }

    /** The Iceberg tag holding the official snapshot of the reporting period that ends on {@code asOf}. */
    public static String reportTag(LocalDate asOf) {
        return "report-" + asOf;
    }

    public StageOutput build() {
        String catalog = settings.catalogName();
        List<KpiDefinition> kpis = spark.table(KpiCatalogLoad.TABLE.in(catalog)).collectAsList().stream()
                .map(KpiCatalogRows::fromRow).toList();
        List<KpiActual> actuals = spark.table(KpiActualsMart.TABLE.in(catalog)).collectAsList().stream()
                .map(row -> new KpiActual(row.getAs("kpi_id"), row.<Integer>getAs("fiscal_year"),
                        row.<Double>getAs("actual_value"), row.getAs("source")))
                .toList();
        List<Row> rows = new ArrayList<>();
        long withData = 0;
        for (KpiDefinition kpi : kpis) {
            KpiProgress progress = rule.evaluate(kpi, actuals);
            if (progress.status() != KpiStatus.NO_DATA) {
                withData++;
            }
            rows.add(row(kpi, progress));
        }
        String table = TABLE.in(catalog);
        TableWrites.replaceAll(spark.createDataFrame(rows, spark.table(table).schema()), table);
        spark.sql("ALTER TABLE " + table + " CREATE OR REPLACE TAG `" + reportTag(asOf) + "`");
        return StageOutput.succeeded(kpis.size() + actuals.size(), rows.size(),
                withData + " KPIs with data, tagged " + reportTag(asOf));
    }

    private static Row row(KpiDefinition kpi, KpiProgress progress) {
        Optional<KpiActual> latest = progress.latest();
        return RowFactory.create(kpi.kpiId(), kpi.valueArea(), kpi.valueAreaTitleJa(), kpi.measureTitleJa(), kpi.kpiTextJa(),
                kpi.kpiTextEn(), kpi.unit(), kpi.direction().catalogName(),
                kpi.baselineValue().isPresent() ? kpi.baselineValue().getAsDouble() : null,
                kpi.baselineText(),
                kpi.baselineFiscalYear().orElse(null),
                kpi.targetValue().isPresent() ? kpi.targetValue().getAsDouble() : null,
                kpi.targetText(),
                kpi.targetFiscalYear().isPresent() ? kpi.targetFiscalYear().getAsInt() : null,
                latest.map(KpiActual::value).orElse(null),
                latest.map(KpiActual::fiscalYear).orElse(null),
                latest.map(KpiActual::source).orElse(null),
                progress.expectedValue().isPresent() ? progress.expectedValue().getAsDouble() : null,
                progress.progressRatio().isPresent() ? progress.progressRatio().getAsDouble() : null,
                progress.status().code(),
                progress.forecastValue().isPresent() ? progress.forecastValue().getAsDouble() : null,
                kpi.kgiTextJa());
    }
}
