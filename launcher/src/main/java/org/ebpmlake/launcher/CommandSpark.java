package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;

/**
 * Spark for one command on the lake: started for the command and stopped at its end, unless the process already
 * had a session (tests that run commands in-process share theirs, and must keep it running).
 */
final class CommandSpark implements AutoCloseable {
    private final SparkSession session;
    private final boolean startedHere;

    private CommandSpark(SparkSession session, boolean startedHere) {
        this.session = requireNonNull(session, "session is null");
        this.startedHere = startedHere;
    }

    static CommandSpark open(LakeSettings settings) {
        boolean running = SparkSession.getDefaultSession().isDefined();
        return new CommandSpark(LakeSession.open(settings), !running);
    }

    /** Spark on a lake that must exist already ("run ./lake run first" otherwise). */
    static CommandSpark openExisting(LakeSettings settings) {
        LakeSession.requireExists(settings);
        return open(settings);
    }

    SparkSession session() {
        return session;
    }

    @Override
    public void close() {
        if (startedHere) {
            session.stop();
        }
    }
}
