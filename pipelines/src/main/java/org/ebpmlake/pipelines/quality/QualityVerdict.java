package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.QualityLevel;

/** What the quality gate decided for a dataset: its findings, and whether an error-level one blocks promotion. */
public record QualityVerdict(String dataset, long rowsChecked, List<CheckFinding> findings) {
    public QualityVerdict {
        requireNonNull(dataset, "dataset is null");
        if (rowsChecked < 0) {
            throw new IllegalArgumentException("rowsChecked cannot be negative");
        }
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
    }

    public boolean blocked() {
        return findings.stream().anyMatch(CheckFinding::blocks);
    }

    public List<CheckFinding> failures(QualityLevel level) {
        return findings.stream().filter(finding -> !finding.passed() && finding.level() == level).toList();
    }

    /** The run log's record of the gate: blocked with the failed errors, or succeeded with any warnings. */
    public StageOutput stageOutput() {
        List<CheckFinding> errors = failures(QualityLevel.ERROR);
        List<CheckFinding> warnings = failures(QualityLevel.WARNING);
        String summary = findings.size() + " checks";
        if (!warnings.isEmpty()) {
            summary = summary + "; warnings: " + describe(warnings);
        }
        if (blocked()) {
            return StageOutput.blocked(rowsChecked, "blocked by " + describe(errors) + " (" + summary + ")");
        }
        return StageOutput.succeeded(rowsChecked, rowsChecked, summary + " passed");
    }

    private static String describe(List<CheckFinding> failures) {
        return failures.stream().map(finding -> finding.checkName() + ": " + finding.message())
                .collect(Collectors.joining("; "));
    }
}
