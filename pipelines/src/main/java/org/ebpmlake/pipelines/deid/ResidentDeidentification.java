package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.ebpmlake.anonymize.AgeBands;
import org.ebpmlake.anonymize.EquivalenceClassVerdict;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Publishes {@code deid.residents}: age generalized to 20-year bands, nationality to Japan / other, the
 * ward kept; records in equivalence classes smaller than k are suppressed, up to the suppression limit.
 * Before the table is written, its equivalence classes are counted again and checked by
 * {@link KAnonymity#verify}; a table that fails is not written, and the report goes to
 * {@code ops.privacy_reports} either way.
 *
 * <p>This is the walking skeleton's fixed generalization; the lattice search of the anonymize module
 * replaces it with the optimal one.
 */
public final class ResidentDeidentification {
    public static final TableName TABLE = new TableName(Zone.DEID, "residents");
    private static final List<String> QUASI_IDENTIFIERS = List.of("age_band", "sex", "ward_code", "nationality_group");
    private static final AgeBands AGE_BANDS = new AgeBands(20, 80);

    private final SparkSession spark;
    private final LakeSettings settings;
    private final KAnonymity model;
    private final double suppressionLimit;
    private final LocalDate asOf;
    private final Clock clock;

    public ResidentDeidentification(SparkSession spark, LakeSettings settings, KAnonymity model, double suppressionLimit,
            LocalDate asOf, Clock clock) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.model = requireNonNull(model, "model is null");
        if (suppressionLimit < 0 || suppressionLimit >= 1) {
            throw new IllegalArgumentException("suppression limit must be in [0, 1), got " + suppressionLimit);
        }
        this.suppressionLimit = suppressionLimit;
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public StageOutput publish(String runId) {
        requireNonNull(runId, "runId is null");
        Dataset<Row> residents = spark.table(new TableName(Zone.CURATED, "residents").in(settings.catalogName()));
        UDF1<Integer, String> band = age -> age == null ? null : AGE_BANDS.bandOf(age);
        UserDefinedFunction ageBand = functions.udf(band, DataTypes.StringType);
        Column age = floor(months_between(lit(asOf.toString()).cast("date"), col("birth_date")).divide(12)).cast("int");
        Dataset<Row> generalized = residents.select(
                ageBand.apply(age).as("age_band"),
                col("sex"),
                col("ward_code"),
                when(col("nationality").equalTo("日本"), lit("日本")).otherwise(lit("外国")).as("nationality_group"),
                col("my_number_card_issued_on").isNotNull().as("has_my_number_card"));
        Column[] quasiIdentifiers = QUASI_IDENTIFIERS.stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> published = generalized
                .withColumn("class_size", count(lit(1)).over(Window.partitionBy(quasiIdentifiers)))
                .where(col("class_size").geq(model.k()))
                .drop("class_size")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rowsIn = residents.count();
            long rowsOut = published.count();
            long suppressed = rowsIn - rowsOut;
            EquivalenceClassVerdict verdict = model.verify(published.groupBy(quasiIdentifiers).count()
                    .collectAsList().stream().map(row -> row.<Long>getAs("count")).toList());
            boolean withinLimit = rowsIn == 0 || (double) suppressed / rowsIn <= suppressionLimit;
            boolean verified = verdict.satisfied() && withinLimit;
            report(runId, rowsIn, rowsOut, suppressed, verdict, verified);
            if (!verdict.satisfied()) {
                throw new PrivacyModelViolationException(TABLE + " fails " + model + ": smallest class has "
                        + verdict.smallestClass() + " records; not published");
            }
            if (!withinLimit) {
                throw new PrivacyModelViolationException(TABLE + ": " + suppressed + " of " + rowsIn
                        + " records would be suppressed, over the limit of " + suppressionLimit + "; not published");
            }
            TableWrites.replaceAll(published, TABLE.in(settings.catalogName()));
            return StageOutput.succeeded(rowsIn, rowsOut, model + ", " + suppressed + " suppressed, smallest class "
                    + verdict.smallestClass());
        } finally {
            published.unpersist();
        }
    }

    private void report(String runId, long rowsIn, long rowsOut, long suppressed, EquivalenceClassVerdict verdict,
            boolean verified) {
        String table = new TableName(Zone.OPS, "privacy_reports").in(settings.catalogName());
        Row row = RowFactory.create(runId, TABLE.toString(), "k-anonymity",
                "{\"k\":" + model.k() + ",\"suppression_limit\":" + suppressionLimit + "}",
                String.join(",", QUASI_IDENTIFIERS),
                "age: 20-year bands (80+ open); nationality: 日本/外国; sex, ward_code: kept",
                rowsIn, rowsOut, suppressed, verdict.classes(), verdict.smallestClass(), verified, clock.instant());
        TableWrites.append(spark.createDataFrame(List.of(row), spark.table(table).schema()), table);
    }
}
