package org.ebpmlake.pipelines.mart;

import java.io.Serializable;

/**
 * Adds random noise to one published count. Serializable because Spark ships it to the executors inside the
 * function that draws the noise for each cell; the production implementation is {@link DiscreteLaplaceNoise},
 * and tests that check the arithmetic around the noise use a deterministic stand-in.
 */
interface CountNoise extends Serializable {
    /** The count with noise added; may be negative, the caller decides what to publish. */
    long addTo(long count);
}
