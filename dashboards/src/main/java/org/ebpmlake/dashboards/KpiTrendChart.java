package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * An inline SVG chart of one KPI: its actuals by fiscal year, the straight trajectory from baseline to
 * target (dashed), the target level, and the forecast for the target year. Inline SVG keeps the page
 * self-contained: no chart library, no script.
 */
final class KpiTrendChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    /** A value in a fiscal year. */
    record Point(int fiscalYear, double value) {
    }

    private final List<Point> actuals;
    private final Optional<Point> baseline;
    private final Optional<Point> target;
    private final Optional<Point> forecast;

    KpiTrendChart(List<Point> actuals, Optional<Point> baseline, Optional<Point> target, Optional<Point> forecast) {
        this.actuals = List.copyOf(requireNonNull(actuals, "actuals is null"));
        this.baseline = requireNonNull(baseline, "baseline is null");
        this.target = requireNonNull(target, "target is null");
        this.forecast = requireNonNull(forecast, "forecast is null");
    }

    String svg() {
        java.util.List<Point> all = new java.util.ArrayList<>(actuals);
        baseline.ifPresent(all::add);
        target.ifPresent(all::add);
        forecast.ifPresent(all::add);
        if (all.isEmpty()) {
            return "<p>" + HtmlText.bilingual("グラフに表示できる値がありません。", "No values to chart.") + "</p>";
        }
        int firstYear = all.stream().mapToInt(Point::fiscalYear).min().orElseThrow();
        int lastYear = Math.max(firstYear + 1, all.stream().mapToInt(Point::fiscalYear).max().orElseThrow());
        double low = Math.min(0, all.stream().mapToDouble(Point::value).min().orElseThrow());
        double high = all.stream().mapToDouble(Point::value).max().orElseThrow();
        if (high <= low) {
            high = low + 1;
        }
        high = high * 1.1;
        Scale scale = new Scale(firstYear, lastYear, low, high);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"trend\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        axes(svg, scale);
        target.ifPresent(point -> svg.append(String.format("<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#0b6b2b\"/>%n",
                LEFT, scale.y(point.value()), WIDTH - RIGHT, scale.y(point.value()))));
        if (baseline.isPresent() && target.isPresent()) {
            svg.append(String.format("<line class=\"trajectory\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>%n",
                    scale.x(baseline.get().fiscalYear()), scale.y(baseline.get().value()),
                    scale.x(target.get().fiscalYear()), scale.y(target.get().value())));
        }
        if (!actuals.isEmpty()) {
            StringBuilder points = new StringBuilder();
            for (Point point : actuals) {
                points.append(String.format("%.1f,%.1f ", scale.x(point.fiscalYear()), scale.y(point.value())));
            }
            svg.append("<polyline class=\"actuals\" fill=\"none\" stroke=\"#1b5fa8\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip()).append("\"/>\n");
            for (Point point : actuals) {
                svg.append(String.format("<circle class=\"actual\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1b5fa8\"><title>%d: %s</title></circle>%n",
                        scale.x(point.fiscalYear()), scale.y(point.value()), point.fiscalYear(), format(point.value())));
            }
        }
        forecast.ifPresent(point -> svg.append(String.format(
                "<circle class=\"forecast\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\" stroke=\"#a86b00\" stroke-width=\"2\"><title>%d: %s</title></circle>%n",
                scale.x(point.fiscalYear()), scale.y(point.value()), point.fiscalYear(), format(point.value()))));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, Scale scale) {
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        for (int year = scale.firstYear(); year <= scale.lastYear(); year++) {
            svg.append(String.format("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>%n",
                    scale.x(year), HEIGHT - BOTTOM + 16, year));
        }
        for (int tick = 0; tick <= 4; tick++) {
            double value = scale.low() + (scale.high() - scale.low()) * tick / 4;
            svg.append(String.format("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, scale.y(value) + 4, format(value)));
        }
    }

    private static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format("%,.0f", value);
        }
        return String.format("%.1f", value);
    }

    private record Scale(int firstYear, int lastYear, double low, double high) {
        double x(int fiscalYear) {
            return LEFT + (double) (fiscalYear - firstYear) / (lastYear - firstYear) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (value - low) / (high - low) * (HEIGHT - TOP - BOTTOM);
        }
    }

    static Optional<Point> point(Integer fiscalYear, Double value) {
        if (fiscalYear == null || value == null) {
            return Optional.empty();
        }
        return Optional.of(new Point(fiscalYear, value));
    }

}
