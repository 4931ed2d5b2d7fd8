package org.ebpmlake.pipelines.curated;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.reference.KpiCatalogFile;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** Loads the reviewed KPI catalogue into {@code curated.kpi_catalog}, replacing the previous version. */
public final class KpiCatalogLoad {
    public static final TableName TABLE = new TableName(Zone.CURATED, "kpi_catalog");

    private final SparkSession spark;
    private final LakeSettings settings;

    public KpiCatalogLoad(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public StageOutput load() {
        List<KpiDefinition> kpis = KpiCatalogFile.load();
        List<Row> rows = kpis.stream().map(KpiCatalogRows::toRow).toList();
        String table = TABLE.in(settings.catalogName());
        TableWrites.replaceAll(spark.createDataFrame(rows, spark.table(table).schema()), table);
        return StageOutput.succeeded(kpis.size(), kpis.size(), KpiCatalogFile.RESOURCE);
    }
}
