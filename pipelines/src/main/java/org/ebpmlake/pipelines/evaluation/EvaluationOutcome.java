package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

/** An evaluation carried out: what was declared, the data snapshot read, the panel built from it and what it showed. */
public record EvaluationOutcome(EvaluationDeclaration declaration, long snapshotId, Panel panel, DidResult result) {
    public EvaluationOutcome {
        requireNonNull(declaration, "declaration is null");
        requireNonNull(panel, "panel is null");
        requireNonNull(result, "result is null");
    }

    /** The relative change a log-scale estimate means, {@code exp(b) − 1}; the estimate itself otherwise. */
    public double effectOnOriginalScale(double estimate) {
        return declaration.transform() == MetricTransform.LOG ? Math.expm1(estimate) : estimate;
    }
}
