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
 * Which tasks of the pipeline a {@code ./lake run} runs: all of them, the named ones ({@code --task}, repeatable; they
 * run in the definition's order whatever order they are named in), one and everything after it that depends on it
 * ({@code --from}), optionally only those of one schedule ({@code --schedule}).
 */
record TaskChoice(List<String> tasks, Optional<String> from, Optional<DeliverySchedule> schedule) {
    TaskChoice {
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        requireNonNull(from, "from is null");
        requireNonNull(schedule, "schedule is null");
        if (!tasks.isEmpty() && (from.isPresent() || schedule.isPresent())) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--task は単独で指定してください / --task names the tasks to run:"
                    + " give it without --from or --schedule");
        }
    }

    static TaskChoice everything() {
        return new TaskChoice(List.of(), Optional.empty(), Optional.empty());
    }

    /** Whether every task runs, so the run ends with every table's row count. */
    boolean whole() {
        return tasks.isEmpty() && from.isEmpty() && schedule.isEmpty();
    }

    List<PipelineTask> select(PipelineDefinition definition) {
        requireNonNull(definition, "definition is null");
        if (!tasks.isEmpty()) {
            // Each name is checked (an unknown one is refused with the list of tasks) before any is run.
            tasks.forEach(definition::task);
            return definition.tasks().stream().filter(candidate -> tasks.contains(candidate.id())).toList();
        }
        List<PipelineTask> chosen = from.map(definition::from).orElse(definition.tasks());
        return schedule.map(wanted -> chosen.stream().filter(candidate -> candidate.schedule() == wanted).toList()).orElse(chosen);
    }
}
