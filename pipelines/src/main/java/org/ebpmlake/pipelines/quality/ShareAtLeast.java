package org.ebpmlake.pipelines.quality;

import java.io.Serializable;
import scala.runtime.AbstractFunction1;

/** A Deequ assertion on a metric in [0, 1]: it holds when the metric is at least {@code min}. */
final class ShareAtLeast extends AbstractFunction1<Object, Object> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double min;

    ShareAtLeast(double min) {
        this.min = min;
    }

    @Override
    public Object apply(Object metric) {
        return ((Number) metric).doubleValue() >= min;
    }

    @Override
    public String toString() {
        return ">= " + min;
    }
}
