package org.moevoprune.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A two-dimensional chart drawn as inline SVG: linear axes with "nice" ticks (1, 2 or 5 × 10ⁿ) and light grid
 * lines, axis labels, point layers (each point may carry a hover title) and polylines. Domains cover every layer,
 * widened to whole ticks. Not thread-safe; one instance draws one chart.
 */
final class Plot {

    static final int LEFT = 62;
    static final int RIGHT = 18;
    static final int TOP = 12;
    static final int BOTTOM = 46;

    private record Layer(double[] x, double[] y, String[] titles, String cssClass, String style, boolean line,
            double radius) {
    }

    private final int width;
    private final int height;
    private final String xLabel;
    private final String yLabel;
    private final List<Layer> layers = new ArrayList<>();
    private boolean integerX;

    Plot(int width, int height, String xLabel, String yLabel) {
        this.width = width;
        this.height = height;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Ticks of the x axis fall on integers only (for step counts). */
    Plot integerX() {
        integerX = true;
        return this;
    }

    Plot points(double[] x, double[] y, String[] titles, String cssClass, String style, double radius) {
        layers.add(new Layer(x, y, titles, cssClass, style, false, radius));
        return this;
    }

    Plot line(double[] x, double[] y, String cssClass, String style) {
        layers.add(new Layer(x, y, null, cssClass, style, true, 0));
        return this;
    }

    String svg(String description) {
        double[] xr = range(true);
        double[] yr = range(false);
        Axis xa = Axis.of(xr[0], xr[1], integerX);
        Axis ya = Axis.of(yr[0], yr[1], false);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"%s\">%n", width, height, width, height, Html.escape(description)));
        axes(s, xa, ya);
        for (Layer layer : layers) {
            draw(s, layer, xa, ya);
        }
        return s.append("</svg>\n").toString();
    }

    private void axes(StringBuilder s, Axis xa, Axis ya) {
        double x0 = LEFT;
        double x1 = width - RIGHT;
        double y0 = height - BOTTOM;
        double y1 = TOP;
        for (double t : xa.ticks()) {
            double px = px(t, xa);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n", px, y1, px, y0,
                    px, y0 + 15, xa.label(t)));
        }
        for (double t : ya.ticks()) {
            double py = py(t, ya);
            s.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0, py, x1, py,
                    x0 - 6, py + 4, ya.label(t)));
        }
        s.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                + "height=\"%.1f\"/>%n", x0, y1, x1 - x0, y0 - y1));
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                + "%s</text>%n", (x0 + x1) / 2, height - 8, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text class=\"axis-label\" transform=\"translate(15 %.1f) rotate(-90)\" "
                + "text-anchor=\"middle\">%s</text>%n", (y0 + y1) / 2, Html.escape(yLabel)));
    }

    private void draw(StringBuilder s, Layer layer, Axis xa, Axis ya) {
        if (layer.line()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < layer.x().length; i++) {
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", px(layer.x()[i], xa),
                        py(layer.y()[i], ya)));
            }
            s.append(String.format("<polyline class=\"%s\" style=\"%s\" points=\"%s\"/>%n", layer.cssClass(),
                    layer.style(), points));
            return;
        }
        s.append(String.format("<g class=\"%s\" style=\"%s\">%n", layer.cssClass(), layer.style()));
        for (int i = 0; i < layer.x().length; i++) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\">", px(layer.x()[i], xa),
                    py(layer.y()[i], ya), layer.radius()));
            if (layer.titles() != null) {
                s.append("<title>").append(Html.escape(layer.titles()[i])).append("</title>");
            }
            s.append("</circle>\n");
        }
        s.append("</g>\n");
    }

    private double px(double v, Axis a) {
        return LEFT + (v - a.lo()) / (a.hi() - a.lo()) * (width - LEFT - RIGHT);
    }

    private double py(double v, Axis a) {
        return height - BOTTOM - (v - a.lo()) / (a.hi() - a.lo()) * (height - BOTTOM - TOP);
    }

    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Layer layer : layers) {
            for (double v : x ? layer.x() : layer.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {lo, hi};
    }

    /** A linear axis from {@code lo} to {@code hi} with ticks every {@code step}. */
    record Axis(double lo, double hi, double step, int decimals) {

        static Axis of(double min, double max, boolean integers) {
            double span = max - min;
            if (!(span > 0)) {
                double pad = Math.max(Math.abs(min) * 0.05, integers ? 1 : 0.01);
                min -= pad;
                max += pad;
                span = max - min;
            }
            double step = niceStep(span / 5);
            if (integers) {
                step = Math.max(1, Math.round(step));
            }
            // The tolerance keeps a value that sits on a tick (up to rounding) from adding a whole empty step.
            double lo = Math.floor(min / step + 1e-9) * step;
            double hi = Math.ceil(max / step - 1e-9) * step;
            if (hi - lo < step) {
                hi = lo + step;
            }
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return new Axis(lo, hi, step, decimals);
        }

        static double niceStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double residual = rough / magnitude;
            double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
            return nice * magnitude;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            long count = Math.round((hi - lo) / step);
            for (long i = 0; i <= count; i++) {
                ticks.add(lo + i * step);
            }
            return ticks;
        }

        String label(double value) {
            return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step * 1e-6 ? 0.0 : value);
        }
    }
}
