package org.ebpmlake.pipelines.ops;

/** Where a run reports its progress: a line per step, with counts. The launcher prints it; tests collect it. */
@FunctionalInterface
public interface Progress {
    void report(String line);
}
