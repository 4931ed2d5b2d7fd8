package org.ebpmlake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DeliverySchedule;

/**
 * The pipeline as a graph of named tasks in run order. Its edges are not declared: they follow from what each task
 * reads and what earlier tasks write, so a task can only ever depend on the tasks that produce its input. A definition
 * in which a task reads something no earlier task writes (other than its own earlier output, such as a gate's metric
 * history) is refused when it is built.
 */
public final class PipelineDefinition {
    private final List<PipelineTask> tasks;
    private final Map<String, PipelineTask> byId;
    private final List<TaskDependency> dependencies;

    public PipelineDefinition(List<PipelineTask> tasks) {
        this.tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        Map<String, PipelineTask> ids = new LinkedHashMap<>();
        for (PipelineTask task : this.tasks) {
            if (ids.put(task.id(), task) != null) {
                throw new IllegalArgumentException("two tasks are named " + task.id());
            }
        }
        this.byId = ids;
        this.dependencies = deriveDependencies(this.tasks);
    }

    private static List<TaskDependency> deriveDependencies(List<PipelineTask> tasks) {
        Set<TaskDependency> found = new LinkedHashSet<>();
        for (int index = 0; index < tasks.size(); index++) {
            PipelineTask task = tasks.get(index);
            for (TableSlice read : task.reads()) {
                List<PipelineTask> writers = tasks.subList(0, index).stream().filter(earlier -> earlier.writesInto(read)).toList();
                // A task may read what only it writes: its own earlier output, such as the metrics history a gate
                // compares against. What earlier tasks write into the same slice (the batch ledger, written by a
                // dataset's gate and by its promotion) still makes edges.
                if (writers.isEmpty() && !task.writesInto(read)) {
                    throw new IllegalArgumentException("task " + task.id() + " reads " + read + ", which no earlier task writes");
                }
                writers.forEach(writer -> found.add(new TaskDependency(writer.id(), task.id())));
            }
        }
        return List.copyOf(found);
    }

    /** Every task, in the order the embedded runner runs them (an order in which each task's input comes first). */
    public List<PipelineTask> tasks() {
        return tasks;
    }

    /** Every edge of the graph, each from a task to one that reads what it writes. */
    public List<TaskDependency> dependencies() {
        return dependencies;
    }

    public Optional<PipelineTask> find(String id) {
        return Optional.ofNullable(byId.get(requireNonNull(id, "id is null")));
    }

    /** The task of that name; a name the pipeline does not have is a person's mistake, answered with the names it has. */
    public PipelineTask task(String id) {
        return find(id).orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "タスク " + id + " はありません / no task "
                + id + " in the pipeline; its tasks are: " + String.join(", ", byId.keySet())));
    }

    /** The tasks {@code id} reads from directly. */
    public Set<String> upstreamOf(String id) {
        task(id);
        return dependencies.stream().filter(edge -> edge.downstream().equals(id)).map(TaskDependency::upstream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The task and every task that depends on it, directly or not, in run order: what must run again to resume a run
     * from that task. Tasks that do not depend on it are left as they are.
     */
    public List<PipelineTask> from(String id) {
        Set<String> reached = new HashSet<>(Set.of(task(id).id()));
        List<PipelineTask> selected = new ArrayList<>();
        for (PipelineTask task : tasks) {
            if (reached.contains(task.id()) || upstreamOf(task.id()).stream().anyMatch(reached::contains)) {
                reached.add(task.id());
                selected.add(task);
            }
        }
        return List.copyOf(selected);
    }

    /** The tasks of one schedule, in run order: one Airflow DAG. */
    public List<PipelineTask> scheduled(DeliverySchedule schedule) {
        requireNonNull(schedule, "schedule is null");
        return tasks.stream().filter(task -> task.schedule() == schedule).toList();
    }

    /**
     * The edges between the given tasks only. A DAG of one schedule keeps these; an edge from a task of another schedule
     * means the task reads the latest committed output of that schedule's last run.
     */
    public List<TaskDependency> dependenciesWithin(Collection<PipelineTask> selected) {
        Set<String> ids = selected.stream().map(PipelineTask::id).collect(Collectors.toSet());
        return dependencies.stream().filter(edge -> ids.contains(edge.upstream()) && ids.contains(edge.downstream())).toList();
    }
}
