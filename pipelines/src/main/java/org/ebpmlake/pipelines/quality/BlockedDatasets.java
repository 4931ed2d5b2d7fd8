package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.BatchStatus;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.Zone;

/**
 * The datasets holding a blocked batch that awaits a steward, one line each saying which batch, of which file,
 * why, and what to do: what {@code ./lake run} prints before it exits non-zero.
 */
public final class BlockedDatasets {
    private final BatchLedger ledger;
    private final DatasetCatalog datasets;

    public BlockedDatasets(BatchLedger ledger, DatasetCatalog datasets) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    public static BlockedDatasets of(SparkSession spark, LakeSettings settings, DatasetCatalog datasets) {
        return new BlockedDatasets(new BatchLedger(spark, settings, java.time.Clock.systemUTC(), BatchLedger.osUser()), datasets);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (DatasetDeclaration dataset : datasets.datasets()) {
            if (!dataset.isSource()) {
                continue;
            }
            List<BatchRecord> blocked = ledger.batches(dataset.name()).stream()
                    .filter(batch -> batch.status() == BatchStatus.BLOCKED).toList();
            if (!blocked.isEmpty()) {
                lines.add(line(dataset.name(), blocked));
            }
        }
        return List.copyOf(lines);
    }

    static String line(String dataset, List<BatchRecord> blocked) {
        return "停止 / blocked: " + dataset + ": " + blocked.stream()
                .map(batch -> batch.batchId() + " (" + batch.sourceFile() + ") " + batch.reason())
                .collect(Collectors.joining(" | "))
                + " — ./lake quality waive|withdraw <batch> --reason ..., or deliver a corrected file";
    }
}
