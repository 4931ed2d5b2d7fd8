package org.ebpmlake.pipelines.ops;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** Appends stage records to {@code ops.runs}. */
public final class RunLog {
    public static final TableName TABLE = new TableName(Zone.OPS, "runs");

    private final SparkSession spark;
    private final LakeSettings settings;

    public RunLog(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public void append(StageRecord record) {
        requireNonNull(record, "record is null");
        StageOutput output = record.output();
        Row row = RowFactory.create(record.runId(), record.stage(), record.tableName(), record.startedAt(),
                record.endedAt(), output.rowsIn(), output.rowsOut(), output.outcome().label(), output.message());
        String table = TABLE.in(settings.catalogName());
        TableWrites.append(spark.createDataFrame(List.of(row), spark.table(table).schema()), table);
    }
}
