package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.anonymize.verify.VerificationVerdict;

/**
 * What an engine produced for a policy: the plan it applied, the independent verifier's verdict on the result,
 * and the rows to publish (text cells, suppressed records left out). Nothing is published unless the verdict
 * is satisfied.
 */
public record Release(GeneralizationPlan plan, VerificationVerdict verdict, Dataset<Row> rows) {
    public Release {
        requireNonNull(plan, "plan is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(rows, "rows is null");
    }
}
