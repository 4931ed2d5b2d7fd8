package org.ebpmlake.pipelines.run;

import org.ebpmlake.pipelines.graph.PipelineTask;

/** Binds each task of the definition to the code that does it. */
@FunctionalInterface
public interface TaskWorks {
    TaskWork workOf(PipelineTask task);
}
