package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.when;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.deid.PrivacyModelViolationException;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.reference.JisMeshCode;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Publishes footfall from the GPS pings only as aggregates: distinct devices per JIS X 0410 half mesh and
 * hour, the daily dwell-time statistics the KPI needs, and per half mesh and day the visitors and their dwell share
 * (the panel {@code ./lake evaluate} compares the changed street's cells with the others on). Any count under {@code lake.footfall.minimum-count}
 * is suppressed (the row is not published), as Japan's mobile spatial statistics do; the published tables
 * are re-checked against that threshold before they are written, and reported in {@code ops.privacy_reports}.
 *
 * <p>With {@code lake.footfall.dp-epsilon} set, the hourly counts are also differentially private (see
 * {@link FootfallPrivacyBudget}): each device is kept in at most {@code lake.footfall.dp-max-cells-per-device}
 * cells a day, discrete Laplace noise is added to every cell's count, and the threshold is applied to the noisy
 * count, so the set of published cells is private too. The noise differs on every run. The daily dwell
 * statistics (city-wide and per half mesh) are not covered: they stay exact, protected by the count threshold only, because their median
 * dwell time has no simple noisy counterpart and the KPI reads them as they are.
 */
public final class FootfallMart {
    public static final TableName HOURLY = new TableName(Zone.MART, "footfall_hourly");
    public static final TableName DWELL = new TableName(Zone.MART, "footfall_dwell_daily");
    /** Per half mesh and day: visitors and the share staying 15 to 180 minutes, the panel a street change is evaluated on. */
    public static final TableName CELLS = new TableName(Zone.MART, "footfall_cells_daily");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;
    private final int minimumCount;
    private final Optional<FootfallPrivacyBudget> privacyBudget;
    private final Function<FootfallPrivacyBudget, CountNoise> noiseForBudget;

    public FootfallMart(SparkSession spark, LakeSettings settings, Clock clock) {
        this(spark, settings, clock, FootfallPrivacyBudget::laplaceNoise);
    }

    /** With another noise than the budget's Laplace noise: for tests of the arithmetic around the noise. */
    FootfallMart(SparkSession spark, LakeSettings settings, Clock clock, Function<FootfallPrivacyBudget, CountNoise> noiseForBudget) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.noiseForBudget = requireNonNull(noiseForBudget, "noiseForBudget is null");
        this.minimumCount = settings.intOption("lake.footfall.minimum-count", 10);
        if (minimumCount < 2) {
            throw new IllegalArgumentException("lake.footfall.minimum-count must be at least 2, got " + minimumCount);
        }
        this.privacyBudget = FootfallPrivacyBudget.from(settings);
    }

    public StageOutput build(String runId) {
        requireNonNull(runId, "runId is null");
        String catalog = settings.catalogName();
        Dataset<Row> pings = spark.table(new TableName(Zone.CURATED, "gps_pings").in(catalog));
        UDF2<Double, Double, String> mesh = (latitude, longitude) -> JisMeshCode.halfMesh(latitude, longitude);
        UserDefinedFunction halfMesh = functions.udf(mesh, DataTypes.StringType);
        Dataset<Row> pingCells = pings.select(halfMesh.apply(col("latitude"), col("longitude")).as("mesh_code"), col("pinged_at"),
                col("device_hash_pseudonym"));
        Dataset<Row> deviceCells = pingCells.select(col("mesh_code"), date_trunc("hour", col("pinged_at")).as("hour_start"),
                col("device_hash_pseudonym"));
        Dataset<Row> allCells = cellCounts(deviceCells);
        int publicationThreshold = privacyBudget.map(budget -> budget.publicationThreshold(minimumCount)).orElse(minimumCount);
        Dataset<Row> hourly = allCells.where(col("visitors").geq(publicationThreshold));
        Dataset<Row> dwell = dwellStatistics(DwellSessions.of(pings), col("visit_date"))
                .select("visit_date", "visitors", "visitors_15_to_180", "share_15_to_180", "median_dwell_minutes")
                .cache();
        Dataset<Row> cellsDaily = dwellStatistics(DwellSessions.perPlace(pingCells, "mesh_code"),
                col("visit_date"), col("mesh_code"))
                .select("visit_date", "mesh_code", "visitors", "visitors_15_to_180", "share_15_to_180")
                .cache();
        try {
            long cells = allCells.count();
            long published = hourly.count();
            long smallestPublished = smallest(hourly, "visitors");
            long smallestDwell = Math.min(Math.min(smallest(dwell, "visitors"), smallest(dwell, "visitors_15_to_180")),
                    Math.min(smallest(cellsDaily, "visitors"), smallest(cellsDaily, "visitors_15_to_180")));
            boolean verified = smallestPublished >= publicationThreshold && smallestDwell >= minimumCount;
            report(runId, cells, published, smallestPublished, verified);
            if (!verified) {
                throw new PrivacyModelViolationException(HOURLY + " would publish a count under " + publicationThreshold + "; not published");
            }
            TableWrites.replaceAll(hourly, HOURLY.in(catalog));
            TableWrites.replaceAll(dwell, DWELL.in(catalog));
            TableWrites.replaceAll(cellsDaily, CELLS.in(catalog));
            String suppression = privacyBudget.map(budget -> " noisy devices suppressed (" + budget.model() + ")").orElse(" devices suppressed");
            return StageOutput.succeeded(cells, published, (cells - published) + " mesh-hours under " + publicationThreshold
                    + suppression + "; " + dwell.count() + " days of dwell statistics; " + cellsDaily.count() + " mesh-days");
        } finally {
            allCells.unpersist();
            dwell.unpersist();
            cellsDaily.unpersist();
        }
    }

    /**
     * Distinct devices per cell (mesh_code, hour_start, visitors). Without differential privacy the exact counts,
     * cached; with it, counts over the contribution-bounded visits with noise drawn once (checkpointed).
     */
    private Dataset<Row> cellCounts(Dataset<Row> deviceCells) {
        if (privacyBudget.isEmpty()) {
            return devicesPerCell(deviceCells).cache();
        }
        FootfallPrivacyBudget budget = privacyBudget.get();
        Dataset<Row> bounded = new CellContributionBound(budget.maxCellsPerDevice()).keep(deviceCells);
        return new FootfallNoise(noiseForBudget.apply(budget)).addTo(devicesPerCell(bounded), "visitors");
    }

    private static Dataset<Row> devicesPerCell(Dataset<Row> deviceCells) {
        return deviceCells.groupBy(col("mesh_code"), col("hour_start")).agg(countDistinct(col("device_hash_pseudonym")).as("visitors"));
    }

    /**
     * Visitors, those staying 15 to 180 minutes, their share and the median stay, per group of sessions; a group with
     * fewer than the minimum count of either is not published.
     */
    private Dataset<Row> dwellStatistics(Dataset<Row> sessions, Column... groups) {
        return sessions.groupBy(groups)
                .agg(count(lit(1)).as("visitors"),
                        count(when(DwellSessions.strolling(), lit(1))).as("visitors_15_to_180"),
                        percentile_approx(col("dwell_minutes"), lit(0.5), lit(10000)).cast("double").as("median_dwell_minutes"))
                .withColumn("share_15_to_180", col("visitors_15_to_180").multiply(100.0).divide(col("visitors")))
                .where(col("visitors").geq(minimumCount).and(col("visitors_15_to_180").geq(minimumCount)));
    }

    /** The smallest count in a column; Long.MAX_VALUE for an empty table, which trivially meets any threshold. */
    private static long smallest(Dataset<Row> table, String column) {
        Row row = table.agg(functions.min(col(column))).first();
        return row.isNullAt(0) ? Long.MAX_VALUE : row.getLong(0);
    }

    private void report(String runId, long cells, long published, long smallest, boolean verified) {
        String model = privacyBudget.map(FootfallPrivacyBudget::model).orElse("count threshold");
        String parameters = privacyBudget.map(budget -> budget.parameters(minimumCount)).orElse("{\"minimum_count\":" + minimumCount + "}");
        String transformation = privacyBudget
                .map(budget -> "GPS pings aggregated to distinct devices per half mesh and hour, at most " + budget.maxCellsPerDevice()
                        + " cells per device and day; discrete Laplace noise on each count; cells whose noisy count is under the threshold suppressed")
                .orElse("GPS pings aggregated to distinct devices per half mesh and hour; cells under the threshold suppressed");
        new PrivacyReportTable(spark, settings).append(PrivacyReportTable.Report.ofAggregate(runId, HOURLY.toString(), model,
                parameters, "mesh_code,hour_start", transformation, cells, published,
                smallest == Long.MAX_VALUE ? 0L : smallest, verified, clock.instant()));
    }
}
