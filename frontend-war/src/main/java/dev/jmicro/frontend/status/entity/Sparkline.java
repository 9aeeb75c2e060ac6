package dev.jmicro.frontend.status.entity;

import java.util.List;
import java.util.Locale;

/**
 * A small chart of one series, drawn on the server as the points of an SVG polyline: the values from left to right
 * over a fixed width, scaled so that the largest reaches the top (a flat zero line stays at the bottom).
 *
 * @param label what it shows, e.g. "req/s"
 * @param values the samples, oldest first; NaN (a ratio of no requests) counts as zero
 * @param latest the newest value as a person reads it, e.g. "12.3 req/s"
 */
public record Sparkline(String label, List<Double> values, String latest) {

    public static final int WIDTH = 120;
    public static final int HEIGHT = 28;

    public Sparkline {
        values = List.copyOf(values);
    }

    /** The polyline's points, e.g. {@code "0.0,28.0 4.1,20.5 ..."}; empty without values. */
    public String points() {
        if (values.isEmpty()) {
            return "";
        }
        double max = values.stream().mapToDouble(Sparkline::finite).max().orElse(0);
        double step = values.size() == 1 ? 0 : (double) WIDTH / (values.size() - 1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double y = max <= 0 ? HEIGHT : HEIGHT - finite(values.get(i)) / max * (HEIGHT - 2);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
        }
        return points.toString().trim();
    }

    private static double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? 0 : value;
    }
}
