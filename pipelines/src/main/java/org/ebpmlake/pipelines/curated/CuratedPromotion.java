package org.ebpmlake.pipelines.curated;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
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
 * Promotes a dataset from raw to curated: one current row per key (the latest delivery wins), direct
 * identifiers replaced by keyed pseudonyms or dropped as declared, and the declared fiscal (school) year
 * columns added beside their dates. Codes and ranges were checked at ingest against the declarations. The curated table is rewritten in one
 * commit from the whole raw table, so promoting twice gives the same rows.
 */
public final class CuratedPromotion {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;
    private final UserDefinedFunction pseudonym;

    public CuratedPromotion(SparkSession spark, LakeSettings settings, DatasetCatalog datasets, KeyedPseudonymizer pseudonymizer) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        requireNonNull(pseudonymizer, "pseudonymizer is null");
        UDF1<String, String> function = value -> value == null ? null : pseudonymizer.pseudonym(value);
        this.pseudonym = functions.udf(function, DataTypes.StringType);
    }

    public StageOutput promote(String datasetName) {
        DatasetDeclaration dataset = datasets.dataset(requireNonNull(datasetName, "datasetName is null"));
        String rawTable = new TableName(Zone.RAW, dataset.name()).in(settings.catalogName());
        String curatedTable = new TableName(Zone.CURATED, dataset.name()).in(settings.catalogName());
        Dataset<Row> raw = spark.table(rawTable);
        long rowsIn = raw.count();
        Dataset<Row> current = LatestPerKey.of(raw, dataset);
        Dataset<Row> curated = current.select(curatedColumns(dataset).toArray(Column[]::new));
        TableWrites.replaceAll(curated, curatedTable);
        long rowsOut = spark.table(curatedTable).count();
        return StageOutput.succeeded(rowsIn, rowsOut, rowsIn == rowsOut ? "" : (rowsIn - rowsOut) + " superseded rows left in raw");
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
