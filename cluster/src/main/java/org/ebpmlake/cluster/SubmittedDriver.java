package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A driver a Spark cluster took, and the state it ended in ({@link DriverState#FINISHED} when {@code ./lake} exited 0).
 *
 * @param log spark-submit's output
 */
public record SubmittedDriver(String driverId, DriverState state, Path log) {
    public SubmittedDriver {
        requireNonNull(driverId, "driverId is null");
        requireNonNull(state, "state is null");
        requireNonNull(log, "log is null");
    }

    public boolean succeeded() {
        return state == DriverState.FINISHED;
    }
}
