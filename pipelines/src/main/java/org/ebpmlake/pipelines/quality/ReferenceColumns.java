package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.ReferenceCheck;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * Adds, for each declared reference, a column holding the referenced key where the curated table of the
 * referenced dataset has it (and null where it does not), so a reference check is a Deequ condition on one row.
 */
final class ReferenceColumns {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final DatasetCatalog datasets;

    ReferenceColumns(SparkSession spark, LakeSettings settings, DatasetCatalog datasets) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    static String columnFor(ReferenceCheck reference) {
        return "_ref_" + reference.column();
    }

    Dataset<Row> addTo(Dataset<Row> rows, DatasetDeclaration dataset) {
        Dataset<Row> joined = rows;
        for (ReferenceCheck reference : dataset.qualityChecks().references()) {
            DatasetDeclaration target = datasets.dataset(reference.dataset());
            if (target.key().size() != 1) {
                throw new IllegalArgumentException("reference " + reference.column() + " of dataset " + dataset.name()
                        + " needs " + target.name() + " to have a one-column key, not " + target.key());
            }
            String referenced = columnFor(reference);
            Dataset<Row> keys = spark.table(new TableName(Zone.CURATED, target.name()).in(settings.catalogName()))
                    .select(col(target.key().get(0)).as(referenced)).distinct();
            joined = joined.join(keys, joined.col(reference.column()).equalTo(keys.col(referenced)), "left");
        }
        return joined;
    }
}
