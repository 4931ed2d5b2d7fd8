package org.ebpmlake.pipelines.curated;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchSet;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTableLayout;

/**
 * Promotes a dataset from raw to curated, batch by batch: only the batches the quality gate admitted (passed, or
 * waived by a steward) are taken, so a blocked, withdrawn or superseded batch never reaches curated, even when a
 * later good batch is promoted. From their rows, one current row per key (the latest delivery wins), direct
 * identifiers replaced by keyed pseudonyms or dropped as declared, and the declared fiscal (school) year columns
 * added beside their dates. The curated table is rewritten in one commit whose snapshot records which batches it
 * holds ({@value #ADMITTED_BATCHES}), so promoting the same batches again changes nothing and costs no rewrite;
 * the newly included batches are then recorded as promoted in {@code ops.batches}.
 */
public final class CuratedPromotion {
    /** The snapshot property naming the set of batches a curated snapshot was built from. */
    public static final String ADMITTED_BATCHES = "ebpm.admitted-batches";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final UserDefinedFunction pseudonym;
    private final BatchLedger ledger;

    public CuratedPromotion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, KeyedPseudonymizer pseudonymizer) {
        this(spark, settings, datasets, pseudonymizer, new BatchLedger(spark, settings, Clock.systemUTC(), BatchLedger.osUser()));
    }

    public CuratedPromotion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, KeyedPseudonymizer pseudonymizer,
            BatchLedger ledger) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        requireNonNull(pseudonymizer, "pseudonymizer is null");
        UDF1<String, String> function = value -> value == null ? null : pseudonymizer.pseudonym(value);
        this.pseudonym = functions.udf(function, DataTypes.StringType);
        this.ledger = requireNonNull(ledger, "ledger is null");
    }

    public StageOutput promote(String datasetName) {
        DatasetDeclaration dataset = datasets.dataset(requireNonNull(datasetName, "datasetName is null"));
        String rawTable = new TableName(Zone.RAW, dataset.name()).in(settings.catalogName());
        TableName curatedName = new TableName(Zone.CURATED, dataset.name());
        String curatedTable = curatedName.in(settings.catalogName());
        List<BatchRecord> batches = ledger.batches(dataset.name());
        List<BatchRecord> admitted = batches.stream().filter(batch -> batch.status().admitted()).toList();
        BatchSet admittedSet = BatchSet.of(admitted);
        String leftOut = leftOut(batches);
        if (admittedSet.digest().equals(builtFrom(curatedName).orElse(""))) {
            return new StageOutput(0, 0, Outcome.SKIPPED, "curated already holds the " + admitted.size() + " admitted batch(es)" + leftOut);
        }
        Dataset<Row> raw = spark.table(rawTable)
                .where(col(LineageColumn.BATCH_ID.columnName()).isin(admittedSet.batchIds().toArray()));
        long rowsIn = raw.count();
        Dataset<Row> curated = LatestPerKey.of(raw, dataset).select(curatedColumns(dataset).toArray(Column[]::new));
        try {
            curated.writeTo(curatedTable).option("snapshot-property." + ADMITTED_BATCHES, admittedSet.digest()).overwrite(lit(true));
        } catch (NoSuchTableException e) {
            throw new IllegalStateException("table " + curatedTable + " does not exist: create the lake's tables first", e);
        }
        long rowsOut = spark.table(curatedTable).count();
        List<BatchRecord> newlyPromoted = admitted.stream().filter(batch -> batch.status() != BatchStatus.PROMOTED)
                .map(batch -> ledger.event(batch, BatchStatus.PROMOTED, "in curated", Optional.empty(), Optional.empty()))
                .toList();
        ledger.record(newlyPromoted);
        String superseded = "";
        if (rowsIn != rowsOut) {
            superseded = "; " + (rowsIn - rowsOut) + " rows superseded by later deliveries of their key";
        }
        return StageOutput.succeeded(rowsIn, rowsOut, admitted.size() + " admitted batch(es), " + newlyPromoted.size()
                + " newly promoted" + superseded + leftOut);
    }

    /**
     * The batches of the current curated snapshot, as the digest its promotion recorded. A compaction since then
     * (a replace of files, not of rows) keeps the rows, so the promotion it replaced still names them.
     */
    private Optional<String> builtFrom(TableName curated) {
        Table table = LakeSession.icebergCatalog(spark, settings).loadTable(curated.identifier());
        Snapshot snapshot = table.currentSnapshot();
        while (snapshot != null && !snapshot.summary().containsKey(ADMITTED_BATCHES)
                && DataOperations.REPLACE.equals(snapshot.operation()) && snapshot.parentId() != null) {
            snapshot = table.snapshot(snapshot.parentId());
        }
        return Optional.ofNullable(snapshot).map(promoted -> promoted.summary().get(ADMITTED_BATCHES));
    }

    private static String leftOut(List<BatchRecord> batches) {
        long blocked = batches.stream().filter(batch -> batch.status() == BatchStatus.BLOCKED).count();
        long pending = batches.stream().filter(batch -> batch.status() == BatchStatus.PENDING).count();
        if (blocked + pending == 0) {
            return "";
        }
        return "; left out: " + blocked + " blocked, " + pending + " pending";
    }

    private List<Column> curatedColumns(DatasetDeclaration dataset) {
        ZoneTableLayout layout = datasets.layout();
        List<Column> columns = new ArrayList<>();
        for (ColumnDeclaration column : dataset.columns()) {
            String name = layout.columnNameIn(column, Zone.CURATED);
            if (name.isEmpty()) {
                continue;
            }
            if (column.privacy() == PrivacyClass.DIRECT_IDENTIFIER) {
                columns.add(pseudonym.apply(col(column.name()).cast(DataTypes.StringType)).as(name));
            } else {
                columns.add(col(column.name()));
            }
            column.fiscalYearColumn().ifPresent(year -> columns.add(FiscalYears.of(col(column.name())).as(year)));
        }
        columns.add(col(LineageColumn.BATCH_ID.columnName()));
        return columns;
    }
}
