package org.ebpmlake.pipelines.deid;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One way of running the engine on a policy's source rows (all text); empty when no transformation meets the models. */
public interface Anonymization {
    Optional<Release> release(Dataset<Row> source);
}
