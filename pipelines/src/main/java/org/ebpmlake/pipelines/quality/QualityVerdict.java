package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;

/**
 * What the gate found for a dataset in one run: the verdict on each batch it checked, the freshness of the
 * source, and every batch still blocked (from this run or an earlier one) awaiting a steward.
 */
public record QualityVerdict(String dataset, List<BatchVerdict> checked, Optional<CheckFinding> freshness,
        List<BatchRecord> blocked) {
    public QualityVerdict {
        requireNonNull(dataset, "dataset is null");
        checked = List.copyOf(requireNonNull(checked, "checked is null"));
        requireNonNull(freshness, "freshness is null");
        blocked = List.copyOf(requireNonNull(blocked, "blocked is null"));
    }

    public boolean datasetBlocked() {
        return !blocked.isEmpty();
    }

    /** The run log's record of the gate for the dataset. */
    public StageOutput stageOutput() {
        long rowsRead = checked.stream().mapToLong(verdict -> verdict.batch().rowsRead()).sum();
        long rowsPassed = checked.stream().filter(verdict -> !verdict.blocked())
                .mapToLong(verdict -> verdict.batch().rowsAccepted()).sum();
        List<String> parts = new ArrayList<>();
        parts.add(checked.size() + " new batch(es), " + checked.stream().filter(verdict -> !verdict.blocked()).count() + " passed");
        for (BatchVerdict verdict : checked) {
            if (!verdict.blocked() && verdict.summary().contains("warnings")) {
                parts.add(verdict.batch().batchId() + " " + verdict.summary());
            }
        }
        freshness.filter(finding -> !finding.passed()).ifPresent(finding -> parts.add("stale: " + finding.explanation().en()));
        if (datasetBlocked()) {
            parts.add(BlockedDatasets.line(dataset, blocked));
            return new StageOutput(rowsRead, rowsPassed, Outcome.BLOCKED, String.join("; ", parts));
        }
        if (checked.isEmpty()) {
            return new StageOutput(0, 0, Outcome.SKIPPED, String.join("; ", parts));
        }
        return StageOutput.succeeded(rowsRead, rowsPassed, parts.stream().collect(Collectors.joining("; ")));
    }
}
