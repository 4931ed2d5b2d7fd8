package org.ebpmlake.pipelines.run;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.sources.SampleDeliveries;

/**
 * What one embedded run is to do: which tasks of the definition (all, one, a schedule's, or those from a task on),
 * whether the local environment's sample deliveries are written first, how long to wait for another run to let go of
 * the lake, and how long to wait before trying a failed task again.
 */
public record RunPlan(String runId, PipelineDefinition definition, List<PipelineTask> tasks, Optional<SampleDeliveries> samples,
        Duration lockWait, Duration retryDelay) {
    public RunPlan {
        requireNonNull(runId, "runId is null");
        if (!runId.matches("[A-Za-z0-9_.:+-]{1,200}")) {
            throw new IllegalArgumentException("a run id has letters, digits and _ . : + - only: '" + runId + "'");
        }
        requireNonNull(definition, "definition is null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        tasks.forEach(task -> definition.task(task.id()));
        requireNonNull(samples, "samples is null");
        requireNonNull(lockWait, "lockWait is null");
        requireNonNull(retryDelay, "retryDelay is null");
        if (lockWait.isNegative() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("waits cannot be negative");
        }
    }
}
