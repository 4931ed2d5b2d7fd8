package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ebpmlake.pipelines.ops.Outcome;

/** What a run of the pipeline did, task by task, and the one line that says what went wrong, if anything did. */
public record RunReport(String runId, List<TaskResult> tasks) {
    private static final int MESSAGE_LIMIT = 160;

    public RunReport {
        requireNonNull(runId, "runId is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
    }

    public List<TaskResult> failed() {
        return tasks.stream().filter(task -> task.outcome() == Outcome.FAILED).toList();
    }

    /** Tasks that finished but kept something out of the lake: a batch the gate blocked, a delivery rejected whole. */
    public List<TaskResult> heldBack() {
        return tasks.stream().filter(task -> task.outcome().heldBack()).toList();
    }

    public List<TaskResult> notRun() {
        return tasks.stream().filter(task -> task.outcome() == Outcome.NOT_RUN).toList();
    }

    public Optional<TaskResult> result(String taskId) {
        return tasks.stream().filter(task -> task.taskId().equals(taskId)).findFirst();
    }

    /**
     * One line naming every failed task (with its reason and the tasks left undone) and every held-back one; empty when
     * the run went through. Japanese first, as every line a person reads.
     */
    public Optional<String> problems() {
        if (failed().isEmpty() && heldBack().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder();
        if (!failed().isEmpty()) {
            line.append("失敗したタスク / failed: ").append(describe(failed()));
            if (!notRun().isEmpty()) {
                line.append("; 未実行 / not run: ").append(notRun().size()).append(" tasks (")
                        .append(notRun().stream().map(TaskResult::taskId).collect(Collectors.joining(", "))).append(")");
            }
            line.append(". 直してから ./lake run --from <task> で再開 / fix it and resume with ./lake run --from <task>");
        }
        if (!heldBack().isEmpty()) {
            if (!line.isEmpty()) {
                line.append(" | ");
            }
            line.append("保留 / held back: ").append(describe(heldBack()));
        }
        return Optional.of(line.toString());
    }

    private static String describe(List<TaskResult> results) {
        return results.stream().map(result -> result.taskId() + " " + result.outcome().label() + " (" + shortened(result.message()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String shortened(String message) {
        String firstLine = message.lines().findFirst().orElse("").strip();
        if (firstLine.length() <= MESSAGE_LIMIT) {
            return firstLine;
        }
        return firstLine.substring(0, MESSAGE_LIMIT - 1) + "…";
    }
}
