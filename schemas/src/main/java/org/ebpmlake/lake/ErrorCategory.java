package org.ebpmlake.lake;

/**
 * What kind of failure a {@link LakeException} reports, so runs, logs and dashboards can count failures by kind
 * (as Trino does with its error codes) and the launcher can tell a person's mistake from a fault of the platform.
 */
public enum ErrorCategory {
    /** A dataset, role, KPI, task, policy or other name that is not declared. */
    UNKNOWN_NAME(true),
    /** A command that needs a built lake was run before {@code ./lake run}. */
    LAKE_NOT_BUILT(true),
    /** A command that needs the application jar or the cluster's Spark was run before {@code ./lake package}. */
    NOT_PACKAGED(true),
    /** A file given by a person (a delivery, a hierarchy, a policy) cannot be read as it is. */
    INVALID_FILE(true),
    /** An option or argument with a value the command cannot use. */
    INVALID_ARGUMENT(true),
    /** A statement or file the caller's role may not read or run. */
    ACCESS_DENIED(true),
    /** A secret the environment must provide (a key, a password) is missing or too weak. */
    MISSING_SECRET(true),
    /** Another run holds the lake. */
    LAKE_BUSY(true),
    /** A published table would not meet the privacy model it claims. */
    PRIVACY_MODEL_VIOLATED(false),
    /** The quality gate kept a batch out of the curated zone. */
    QUALITY_GATE_BLOCKED(false),
    /** The catalog database cannot be reached. */
    CATALOG_UNAVAILABLE(false),
    /** A service of the platform (Trino, the audit receiver, Superset, Airflow) is down or refuses. */
    SERVICE_UNAVAILABLE(false),
    /** Anything else: a fault of the platform, reported with the trace under {@code --debug}. */
    INTERNAL(false);

    private final boolean personCanFix;

    ErrorCategory(boolean personCanFix) {
        this.personCanFix = personCanFix;
    }

    /** Whether the person who ran the command can fix it from the message alone (exit status 2 rather than 1). */
    public boolean personCanFix() {
        return personCanFix;
    }
}
