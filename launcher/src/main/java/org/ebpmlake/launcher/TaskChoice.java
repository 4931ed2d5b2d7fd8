package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.schemas.DeliverySchedule;

/**
 * Which tasks of the pipeline a {@code ./lake run} runs: all of them, one ({@code --task}), one and everything after it
 * that depends on it ({@code --from}), optionally only those of one schedule ({@code --schedule}).
 */
record TaskChoice(Optional<String> task, Optional<String> from, Optional<DeliverySchedule> schedule) {
    TaskChoice {
        requireNonNull(task, "task is null");
        requireNonNull(from, "from is null");
        requireNonNull(schedule, "schedule is null");
        if (task.isPresent() && (from.isPresent() || schedule.isPresent())) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--task は単独で指定してください / --task runs one task:"
                    + " give it without --from or --schedule");
        }
    }

    static TaskChoice everything() {
        return new TaskChoice(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether every task runs, so the run ends with every table's row count. */
    boolean whole() {
        return task.isEmpty() && from.isEmpty() && schedule.isEmpty();
    }

    List<PipelineTask> select(PipelineDefinition definition) {
        requireNonNull(definition, "definition is null");
        if (task.isPresent()) {
            return List.of(definition.task(task.get()));
        }
        List<PipelineTask> chosen = from.map(definition::from).orElse(definition.tasks());
        return schedule.map(wanted -> chosen.stream().filter(candidate -> candidate.schedule() == wanted).toList()).orElse(chosen);
    }
}
