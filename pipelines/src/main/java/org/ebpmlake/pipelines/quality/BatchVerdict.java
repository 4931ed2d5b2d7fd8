package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.schemas.QualityLevel;

/** What the gate decided for one delivered batch: its findings, and whether an error-level one blocks it. */
public record BatchVerdict(BatchRecord batch, List<CheckFinding> findings) {
    public BatchVerdict {
        requireNonNull(batch, "batch is null");
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
    }

    public boolean blocked() {
        return findings.stream().anyMatch(CheckFinding::blocks);
    }

    public List<CheckFinding> failures(QualityLevel level) {
        return findings.stream().filter(finding -> !finding.passed() && finding.level() == level).toList();
    }

    /** One line for the ledger and the run log: the failed checks and why, or that the batch passed. */
    public String summary() {
        List<CheckFinding> errors = failures(QualityLevel.ERROR);
        List<CheckFinding> warnings = failures(QualityLevel.WARNING);
        String summary;
        if (blocked()) {
            summary = "blocked by " + describe(errors);
        } else {
            summary = "passed " + findings.size() + " checks";
        }
        if (!warnings.isEmpty()) {
            summary = summary + "; warnings: " + describe(warnings);
        }
        return summary;
    }

    private static String describe(List<CheckFinding> failures) {
        return failures.stream().map(finding -> finding.checkName() + ": " + finding.explanation().en())
                .collect(Collectors.joining("; "));
    }
}
