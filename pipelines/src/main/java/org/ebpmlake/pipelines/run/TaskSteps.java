package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ebpmlake.pipelines.ops.Outcome;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.pipelines.ops.StageRunner;

/**
 * The steps of one attempt at a task: each is timed, printed and recorded in {@code ops.runs} under the task's stage
 * (one step per delivered file for an ingest, one for most other tasks). The task's outcome follows from its steps.
 */
public final class TaskSteps {
    private final StageRunner stages;
    private final String stage;
    private final List<StageOutput> outputs = new ArrayList<>();

    TaskSteps(StageRunner stages, String stage) {
        this.stages = requireNonNull(stages, "stages is null");
        this.stage = requireNonNull(stage, "stage is null");
    }

    public String runId() {
        return stages.runId();
    }

    /** Runs and records one step writing {@code tableName}; a failure is recorded too, then passed on. */
    public StageOutput step(String tableName, Supplier<StageOutput> work) {
        StageOutput output = stages.run(stage, tableName, work);
        outputs.add(output);
        return output;
    }

    /** Blocked or rejected if any step was, skipped if every step was, otherwise succeeded. */
    Outcome outcome() {
        if (outputs.stream().anyMatch(output -> output.outcome() == Outcome.BLOCKED)) {
            return Outcome.BLOCKED;
        }
        if (outputs.stream().anyMatch(output -> output.outcome() == Outcome.REJECTED)) {
            return Outcome.REJECTED;
        }
        if (!outputs.isEmpty() && outputs.stream().allMatch(output -> output.outcome() == Outcome.SKIPPED)) {
            return Outcome.SKIPPED;
        }
        return Outcome.SUCCEEDED;
    }

    /** The messages of the steps that held something back, for the run's closing line. */
    List<String> heldBack() {
        return outputs.stream().filter(output -> output.outcome().heldBack()).map(StageOutput::message).toList();
    }
}
