package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.anonymize.verify.VerificationVerdict;

/**
 * What an engine produced: the plan it applied, the independent verifier's verdict on the result, and every
 * input row generalized (text cells), those of suppressed classes with {@code *} in every quasi-identifier and
 * flagged in {@value #SUPPRESSED_FLAG}. Nothing is published unless the verdict is satisfied.
 */
public record Release(GeneralizationPlan plan, VerificationVerdict verdict, Dataset<Row> marked) {
    public static final String SUPPRESSED_FLAG = "_suppressed";

    public Release {
        requireNonNull(plan, "plan is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(marked, "marked is null");
    }

    /** The rows a deid table publishes: suppressed records left out. */
    public Dataset<Row> published() {
        return marked.where(col(SUPPRESSED_FLAG).equalTo(false)).drop(SUPPRESSED_FLAG);
    }

    /** Every row, suppressed records as {@code *}, as ARX writes an anonymized file. */
    public Dataset<Row> withSuppressedRecords() {
        return marked.drop(SUPPRESSED_FLAG);
    }
}
