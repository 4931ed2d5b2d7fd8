package org.ebpmlake.dashboards;

/** A figure as pages print it: whole numbers with thousands separators, others with one decimal. */
final class NumberText {
    private NumberText() {
    }

    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return String.format("%,.1f", value);
    }
}
