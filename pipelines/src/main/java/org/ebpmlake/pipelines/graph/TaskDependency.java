package org.ebpmlake.pipelines.graph;

import static java.util.Objects.requireNonNull;

/** An edge of the pipeline's graph: {@code downstream} reads something {@code upstream} writes. */
public record TaskDependency(String upstream, String downstream) {
    public TaskDependency {
        requireNonNull(upstream, "upstream is null");
        requireNonNull(downstream, "downstream is null");
    }

    @Override
    public String toString() {
        return upstream + " >> " + downstream;
    }
}
