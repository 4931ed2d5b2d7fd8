package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.amazon.deequ.comparison.ComparisonFailed;
import com.amazon.deequ.comparison.ReferentialIntegrity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.QuarantineTable;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.ReferenceCheck;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import scala.Option;
import scala.collection.JavaConverters;
import scala.util.Either;

/**
 * Every row one batch delivered, as the gate measures it: the rows ingest accepted into raw, and the rows it
 * quarantined (their values unknown, with the field and reason ingest gave), so the batch's checks count both.
 * Only the batch's own rows are read, whatever the size of the table. For each declared reference, Deequ's
 * referential-integrity check adds a column saying whether the row's value is a key of the referenced dataset's
 * admitted batches (what curated holds or is about to).
 */
final class BatchRows {
    static final String QUARANTINE_FIELD = "_quarantine_field";
    static final String QUARANTINE_REASON = "_quarantine_reason";
    /** The Deequ filter of the accepted rows. */
    static final String ACCEPTED = QUARANTINE_REASON + " IS NULL";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;

    BatchRows(SparkSession spark, LakeSettings settings, DatasetCatalog datasets) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    static String referenceOutcome(ReferenceCheck reference) {
        return "_ref_" + reference.column();
    }

    /**
     * @param admittedOf the admitted batches of a referenced dataset, by its name
     */
    Dataset<Row> of(DatasetDeclaration dataset, BatchRecord batch, Function<String, List<String>> admittedOf) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(batch, "batch is null");
        Dataset<Row> raw = spark.table(new TableName(Zone.RAW, dataset.name()).in(settings.catalogName()));
        // The ingest time bounds the files read: a batch's rows all carry the time it was ingested.
        Dataset<Row> accepted = raw.where(col(LineageColumn.INGESTED_AT.columnName()).geq(lit(batch.deliveredAt()))
                        .and(col(LineageColumn.BATCH_ID.columnName()).equalTo(batch.batchId())))
                .select(columns(dataset, raw.schema(), false));
        Dataset<Row> quarantined = spark.table(QuarantineTable.TABLE.in(settings.catalogName()))
                .where(col("dataset").equalTo(dataset.name()).and(col("batch_id").equalTo(batch.batchId())))
                .select(columns(dataset, raw.schema(), true));
        Dataset<Row> rows = accepted.unionByName(quarantined);
        for (ReferenceCheck reference : dataset.qualityChecks().references()) {
            rows = withReference(rows, batch, reference, admittedOf.apply(reference.dataset()));
        }
        return rows;
    }

    /** The schema of {@link #of} without its reference columns: what the batch states are measured on. */
    StructType schema(DatasetDeclaration dataset) {
        StructType raw = spark.table(new TableName(Zone.RAW, dataset.name()).in(settings.catalogName())).schema();
        StructType schema = new StructType();
        for (ColumnDeclaration column : dataset.columns()) {
            schema = schema.add(raw.apply(column.name()));
        }
        return schema.add(QUARANTINE_FIELD, DataTypes.StringType).add(QUARANTINE_REASON, DataTypes.StringType);
    }

    private static Column[] columns(DatasetDeclaration dataset, StructType raw, boolean quarantined) {
        List<Column> columns = new ArrayList<>();
        for (ColumnDeclaration column : dataset.columns()) {
            if (quarantined) {
                columns.add(lit(null).cast(raw.apply(column.name()).dataType()).as(column.name()));
            } else {
                columns.add(col(column.name()));
            }
        }
        if (quarantined) {
            columns.add(col("field").as(QUARANTINE_FIELD));
            columns.add(col("reason").as(QUARANTINE_REASON));
        } else {
            columns.add(lit(null).cast(DataTypes.StringType).as(QUARANTINE_FIELD));
            columns.add(lit(null).cast(DataTypes.StringType).as(QUARANTINE_REASON));
        }
        return columns.toArray(Column[]::new);
    }

    private Dataset<Row> withReference(Dataset<Row> rows, BatchRecord batch, ReferenceCheck reference, List<String> admitted) {
        DatasetDeclaration target = datasets.dataset(reference.dataset());
        if (target.key().size() != 1 || !target.isSource()) {
            throw new IllegalArgumentException("reference " + reference.column() + " needs " + target.name()
                    + " to be a delivered dataset with a one-column key, not " + target.key());
        }
        Dataset<Row> keys = spark.table(new TableName(Zone.RAW, target.name()).in(settings.catalogName()))
                .where(col(LineageColumn.BATCH_ID.columnName()).isin(admitted.toArray()))
                .select(col(target.key().get(0)));
        if (batch.rowsRead() == 0) {
            // Deequ refuses an empty primary frame; a batch with no row has nothing to refer to.
            return rows.withColumn(referenceOutcome(reference), lit(true));
        }
        Either<ComparisonFailed, Dataset<Row>> checked = ReferentialIntegrity.subsetCheckRowLevel(rows,
                JavaConverters.asScalaBuffer(List.of(reference.column())).toSeq(), keys,
                JavaConverters.asScalaBuffer(List.of(target.key().get(0))).toSeq(), Option.apply(referenceOutcome(reference)));
        if (checked.isLeft()) {
            throw new IllegalStateException("cannot check reference " + reference.column() + " -> " + target.name() + ": "
                    + checked.left().get().errorMessage());
        }
        return checked.right().get();
    }
}
