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
 * hour, and the daily dwell-time statistics the KPI needs. Any count under {@code lake.footfall.minimum-count}
 * is suppressed (the row is not published), as Japan's mobile spatial statistics do; the published tables
 * are re-checked against that threshold before they are written, and reported in {@code ops.privacy_reports}.
 */
public final class FootfallMart {
    public static final TableName HOURLY = new TableName(Zone.MART, "footfall_hourly");
    public static final TableName DWELL = new TableName(Zone.MART, "footfall_dwell_daily");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final Clock clock;
    private final int minimumCount;

    public FootfallMart(SparkSession spark, LakeSettings settings, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.minimumCount = settings.intOption("lake.footfall.minimum-count", 10);
        if (minimumCount < 2) {
            throw new IllegalArgumentException("lake.footfall.minimum-count must be at least 2, got " + minimumCount);
        }
    }

    public StageOutput build(String runId) {
        requireNonNull(runId, "runId is null");
        String catalog = settings.catalogName();
        Dataset<Row> pings = spark.table(new TableName(Zone.CURATED, "gps_pings").in(catalog));
        UDF2<Double, Double, String> mesh = (latitude, longitude) -> JisMeshCode.halfMesh(latitude, longitude);
        UserDefinedFunction halfMesh = functions.udf(mesh, DataTypes.StringType);
        Dataset<Row> allCells = pings
                .groupBy(halfMesh.apply(col("latitude"), col("longitude")).as("mesh_code"), date_trunc("hour", col("pinged_at")).as("hour_start"))
                .agg(countDistinct(col("device_hash_pseudonym")).as("visitors"))
                .cache();
        Dataset<Row> hourly = allCells.where(col("visitors").geq(minimumCount));
        Dataset<Row> dwell = DwellSessions.of(pings)
                .groupBy(col("visit_date"))
                .agg(count(lit(1)).as("visitors"),
                        count(when(DwellSessions.strolling(), lit(1))).as("visitors_15_to_180"),
                        percentile_approx(col("dwell_minutes"), lit(0.5), lit(10000)).cast("double").as("median_dwell_minutes"))
                .withColumn("share_15_to_180", col("visitors_15_to_180").multiply(100.0).divide(col("visitors")))
                .where(col("visitors").geq(minimumCount).and(col("visitors_15_to_180").geq(minimumCount)))
                .select("visit_date", "visitors", "visitors_15_to_180", "share_15_to_180", "median_dwell_minutes")
                .cache();
        try {
            long cells = allCells.count();
            long published = hourly.count();
            long smallestPublished = smallest(hourly, "visitors");
            long smallestDwell = Math.min(smallest(dwell, "visitors"), smallest(dwell, "visitors_15_to_180"));
            boolean verified = smallestPublished >= minimumCount && smallestDwell >= minimumCount;
            report(runId, cells, published, smallestPublished, verified);
            if (!verified) {
                throw new PrivacyModelViolationException(HOURLY + " would publish a count under " + minimumCount + "; not published");
            }
            TableWrites.replaceAll(hourly, HOURLY.in(catalog));
            TableWrites.replaceAll(dwell, DWELL.in(catalog));
            return StageOutput.succeeded(cells, published, (cells - published) + " mesh-hours under " + minimumCount
                    + " devices suppressed; " + dwell.count() + " days of dwell statistics");
        } finally {
            allCells.unpersist();
            dwell.unpersist();
        }
    }

    /** The smallest count in a column; Long.MAX_VALUE for an empty table, which trivially meets any threshold. */
    private static long smallest(Dataset<Row> table, String column) {
        Row row = table.agg(functions.min(col(column))).first();
        return row.isNullAt(0) ? Long.MAX_VALUE : row.getLong(0);
    }

    private void report(String runId, long cells, long published, long smallest, boolean verified) {
        new PrivacyReportTable(spark, settings).append(new PrivacyReportTable.Report(runId, HOURLY.toString(), "count threshold",
                "{\"minimum_count\":" + minimumCount + "}", "mesh_code,hour_start",
                "GPS pings aggregated to distinct devices per half mesh and hour; cells under the threshold suppressed",
                cells, published, cells - published, published, smallest == Long.MAX_VALUE ? 0L : smallest, verified, clock.instant(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
