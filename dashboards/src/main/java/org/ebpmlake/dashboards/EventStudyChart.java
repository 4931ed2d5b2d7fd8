package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An event-study plot as inline SVG, drawn when the page is written: each period's effect against the reference
 * period with its confidence interval, a line at zero, and a dashed line where the intervention falls. Drawn here rather
 * than by the chart library so the page prints and reads without a script, and a screen reader gets the table beside it.
 */
final class EventStudyChart {
    /** One period: its label, periods since the intervention, the effect and its interval (none for the reference). */
    record Point(String label, int relativePeriod, double effect, Double low, Double high) {
        Point {
            requireNonNull(label, "label is null");
        }
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;

    private EventStudyChart() {
    }

    static String svg(List<Point> points, String titleJa, String titleEn) {
        requireNonNull(points, "points is null");
        double low = 0;
        double high = 0;
        for (Point point : points) {
            low = Math.min(low, point.low() == null ? point.effect() : point.low());
            high = Math.max(high, point.high() == null ? point.effect() : point.high());
        }
        double pad = (high - low) * 0.1 + 1e-9;
        double bottomValue = low - pad;
        double topValue = high + pad;
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = plotWidth / (double) Math.max(1, points.size());
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"event-study\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(HtmlText.escape(titleJa + " / " + titleEn)).append("\">\n");
        svg.append("<title>").append(HtmlText.escape(titleJa + " / " + titleEn)).append("</title>\n");
        double zero = y(0, bottomValue, topValue, plotHeight);
        svg.append(line(LEFT, zero, WIDTH - RIGHT, zero, "zero"));
        for (double tick : ticks(bottomValue, topValue)) {
            double at = y(tick, bottomValue, topValue, plotHeight);
            svg.append(line(LEFT - 4, at, LEFT, at, "axis"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>%n",
                    LEFT - 6, at + 4, NumberText.signed(tick)));
        }
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "axis"));
        for (int index = 0; index < points.size(); index++) {
            Point point = points.get(index);
            double x = LEFT + step * (index + 0.5);
            if (point.relativePeriod() == 0) {
                double between = x - step / 2;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"intervention\"/>%n",
                        between, TOP, between, TOP + plotHeight));
            }
            if (point.low() != null && point.high() != null) {
                svg.append(line(x, y(point.low(), bottomValue, topValue, plotHeight), x, y(point.high(), bottomValue, topValue, plotHeight),
                        "interval"));
            }
            String kind = point.relativePeriod() < 0 ? "before" : "after";
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"/>%n", x,
                    y(point.effect(), bottomValue, topValue, plotHeight), point.low() == null ? "reference" : kind));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>%n",
                    x, TOP + plotHeight + 18, HtmlText.escape(point.label())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double y(double value, double bottom, double top, int plotHeight) {
        return TOP + (top - value) / (top - bottom) * plotHeight;
    }

    private static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>%n", x1, y1, x2, y2, cssClass);
    }

    /** About five round values across the range. */
    private static List<Double> ticks(double bottom, double top) {
        double raw = (top - bottom) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 2 ? magnitude * 2 : raw / magnitude < 5 ? magnitude * 5 : magnitude * 10;
        List<Double> ticks = new ArrayList<>();
        for (double tick = Math.ceil(bottom / step) * step; tick <= top; tick += step) {
            ticks.add(Math.abs(tick) < step / 1e6 ? 0.0 : tick);
        }
        return ticks;
    }
}
