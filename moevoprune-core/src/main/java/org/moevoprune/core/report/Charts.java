package org.moevoprune.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Standalone SVG line charts in the report's style, for pages other than the report (a README, a benchmark's
 * results): one file that any browser or Markdown viewer shows, with its own styles and a legend.
 *
 * <p>Stateless and thread-safe.
 */
public final class Charts {

    /** Distinguishable line colours, used in order. */
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#17becf"};

    private static final int LEGEND_ROW = 18;

    private Charts() {
    }

    /**
     * One named line.
     *
     * @param name its legend entry
     * @param x abscissae, as many as ordinates
     * @param y ordinates
     */
    public record Series(String name, double[] x, double[] y) {
        /**
         * @throws IllegalArgumentException if the lengths differ or a value is not finite
         */
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                        + y.length + " y values");
            }
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                    throw new IllegalArgumentException("series '" + name + "' has a non-finite point " + i + ": ("
                            + x[i] + ", " + y[i] + ")");
                }
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /**
     * @param title the chart's accessible description (and its heading)
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param series the lines, at most 8, each coloured in turn and named in the legend below the plot
     * @return a complete SVG document
     * @throws IllegalArgumentException if there are no lines or more than 8
     */
    public static String lines(String title, String xLabel, String yLabel, List<Series> series) {
        if (series.isEmpty() || series.size() > COLOURS.length) {
            throw new IllegalArgumentException("a line chart takes 1 to " + COLOURS.length + " series, got "
                    + series.size());
        }
        int width = 760;
        int plotHeight = 340;
        Plot plot = new Plot(width, plotHeight, xLabel, yLabel);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            plot.line(s.x(), s.y(), "line", "fill:none;stroke:" + COLOURS[i] + ";stroke-width:2");
        }
        String inner = plot.svg(title);
        int height = plotHeight + 24 + LEGEND_ROW * series.size();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" font-family=\"sans-serif\">%n", width, height, width, height));
        s.append("<style>.tick{font-size:11px;fill:#444}.axis-label{font-size:12px;fill:#222}"
                + ".grid{stroke:#ececec;stroke-width:1}.frame{fill:none;stroke:#999;stroke-width:1}"
                + ".legend{font-size:12px;fill:#222}</style>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append(inner);
        for (int i = 0; i < series.size(); i++) {
            double y = plotHeight + 12 + LEGEND_ROW * i;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "style=\"stroke:%s;stroke-width:3\"/><text class=\"legend\" x=\"%d\" y=\"%.1f\">%s</text>%n",
                    Plot.LEFT, y, Plot.LEFT + 24, y, COLOURS[i], Plot.LEFT + 32, y + 4,
                    Html.escape(series.get(i).name())));
        }
        return s.append("</svg>\n").toString();
    }
}
