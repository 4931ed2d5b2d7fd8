package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/** {@code ops.quality_results}: every check of every gate, with its level, status and reason. */
public final class QualityResultsTable {
    public static final TableName TABLE = new TableName(Zone.OPS, "quality_results");

    private final SparkSession spark;
    private final LakeSettings settings;

    public QualityResultsTable(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    void append(String runId, Optional<String> batchId, Instant checkedAt, QualityVerdict verdict) {
        String table = TABLE.in(settings.catalogName());
        List<Row> rows = verdict.findings().stream().map(finding -> RowFactory.create(runId, verdict.dataset(),
                batchId.orElse(null), Timestamp.from(checkedAt), finding.level().label(), finding.checkName(),
                finding.status(), finding.message())).toList();
        TableWrites.append(spark.createDataFrame(rows, spark.table(table).schema()), table);
    }
}
