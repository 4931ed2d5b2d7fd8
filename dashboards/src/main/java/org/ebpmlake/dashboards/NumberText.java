package org.ebpmlake.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

    /** A signed figure with up to three decimals and no trailing zeros (+0.25, −1.5, 0), for effects and axes. */
    static String signed(double value) {
        String text = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        if (text.equals("0")) {
            return "0";
        }
        return value > 0 ? "+" + text : "−" + text.substring(1);
    }
}
