package org.ebpmlake.pipelines.run;

import org.ebpmlake.pipelines.graph.PipelineTask;

/**
 * Told when each task of an embedded run starts and when it has ended, on the run's own thread: a place to watch a
 * run from outside, such as the check that every task touches only the tables the definition says it reads or writes.
 */
public interface TaskObserver {
    void started(PipelineTask task);

    void ended(PipelineTask task, TaskResult result);

    /** An observer that does nothing. */
    static TaskObserver none() {
        return new TaskObserver() {
            @Override
            public void started(PipelineTask task) {
            }

            @Override
            public void ended(PipelineTask task, TaskResult result) {
            }
        };
    }
}
