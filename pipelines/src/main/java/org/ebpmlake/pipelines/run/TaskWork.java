package org.ebpmlake.pipelines.run;

/**
 * What one task of the pipeline does when it runs. It records every step it takes through {@link TaskSteps}, which
 * prints the progress line and writes the {@code ops.runs} row; an exception fails the task (and it may be tried again).
 */
@FunctionalInterface
public interface TaskWork {
    void perform(TaskSteps steps);
}
