package org.ebpmlake.pipelines.quality;

import org.ebpmlake.schemas.LocalizedText;

/** How a failed check is told to a person, from Deequ's metric (a share) and the number of rows it measured. */
@FunctionalInterface
interface FindingWording {
    LocalizedText failure(double metric, long rows);

    /** The rows a share of {@code rows} leaves out: 0.75 of 4 rows leaves 1. */
    static long rowsOutside(double share, long rows) {
        return Math.round((1 - share) * rows);
    }
}
