package org.ebpmlake.pipelines.graph;

/**
 * What a task of the pipeline does. The label is the stage its steps are recorded under, in the progress lines and in
 * {@code ops.runs}, as the stages were always named.
 */
public enum TaskKind {
    /** Reads the deliveries of one source dataset into its raw table. */
    INGEST("raw"),
    /** Runs one dataset's quality gate on what promotion would make current. */
    QUALITY("quality"),
    /** Makes the raw rows the gate passed current in the curated table. */
    PROMOTE("curated"),
    /** Loads reference data the project ships (the KPI catalogue). */
    REFERENCE("curated"),
    /** Publishes one privacy policy's table in the deid zone. */
    DEIDENTIFY("deid"),
    /** Builds a mart from curated tables. */
    MART("mart"),
    /** Collects the SQL audit events into the ops zone. */
    AUDIT("audit"),
    /** Derives KPI actuals and progress. */
    KPI("mart"),
    /** Writes the static site. */
    SITE("dashboard"),
    /** Keeps every table's history within its retention and its files few; changes no row. */
    MAINTAIN("maintain");

    private final String stage;

    TaskKind(String stage) {
        this.stage = stage;
    }

    /** The stage name of the task's steps in progress lines and {@code ops.runs}. */
    public String stage() {
        return stage;
    }
}
