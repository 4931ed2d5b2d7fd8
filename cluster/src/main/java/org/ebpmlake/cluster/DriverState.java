package org.ebpmlake.cluster;

/**
 * The states of a driver in a Spark standalone cluster, as its Master names them: a driver whose main method returns
 * (or exits 0) ends {@link #FINISHED}; one that exits with another status, {@link #FAILED}.
 */
public enum DriverState {
    SUBMITTED, RUNNING, RELAUNCHING, UNKNOWN, FINISHED, FAILED, KILLED, ERROR;

    public boolean ended() {
        return this == FINISHED || this == FAILED || this == KILLED || this == ERROR;
    }
}
