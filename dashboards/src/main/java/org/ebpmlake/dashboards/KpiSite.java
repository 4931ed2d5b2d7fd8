package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Writes the KPI part of the static site from the marts: {@code index.html} (every KPI by VALUE area) and
 * one page per KPI under {@code kpi/}. Pages are self-contained (inline style and SVG, no outside script),
 * so they open from a file share as well as from a web server.
 */
public final class KpiSite {
    public static final TableName PROGRESS = new TableName(Zone.MART, "kpi_progress");
    public static final TableName ACTUALS = new TableName(Zone.MART, "kpi_actuals");
    public static final String INDEX = "index.html";

    private final SparkSession spark;
    private final LakeSettings settings;

    public KpiSite(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Writes every page and returns the path of the front page. */
    public Path write(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        List<Row> kpis = spark.table(PROGRESS.in(settings.catalogName()))
                .orderBy(functions.col("value_area"), functions.col("kpi_id")).collectAsList();
        List<Row> actuals = spark.table(ACTUALS.in(settings.catalogName()))
                .orderBy(functions.col("kpi_id"), functions.col("fiscal_year"), functions.col("source")).collectAsList();
        Path site = settings.siteDirectory();
        PageFile.write(site.resolve(INDEX), KpiOverviewPage.render(kpis, asOf));
        for (Row kpi : kpis) {
            String id = kpi.getAs("kpi_id");
            List<Row> own = actuals.stream().filter(actual -> id.equals(actual.getAs("kpi_id"))).toList();
            PageFile.write(site.resolve(KpiDetailPage.relativePath(id)), KpiDetailPage.render(kpi, own));
        }
        return site.resolve(INDEX);
    }
}
