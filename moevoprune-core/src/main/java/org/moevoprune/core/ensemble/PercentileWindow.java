package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.moevoprune.core.metric.Percentiles;

/**
 * A window of a pool's percentiles, such as 50–60: the members whose value lies between the pool's
 * {@code lowPercent}-th and {@code highPercent}-th percentile, <b>both bounds inclusive</b>, the percentiles
 * interpolated linearly as {@code numpy.percentile} does by default ({@link Percentiles}). MO-EvoPruneDeepTL builds
 * one ensemble per window of the super-Pareto front's accuracies (docs/METHOD.md §5).
 *
 * @param lowPercent the lower percentile, in {@code [0, 100]}
 * @param highPercent the upper percentile, in {@code [lowPercent, 100]}
 */
public record PercentileWindow(double lowPercent, double highPercent) {

    /**
     * @throws IllegalArgumentException if a bound is outside {@code [0, 100]} or {@code lowPercent > highPercent}
     */
    public PercentileWindow {
        if (!(lowPercent >= 0 && highPercent <= 100 && lowPercent <= highPercent)) {
            throw new IllegalArgumentException("a percentile window needs 0 ≤ low ≤ high ≤ 100, got " + lowPercent
                    + "–" + highPercent);
        }
    }

    /**
     * The reference's windows: 50–60, 55–65, 60–70, 65–75, 70–80, 75–85, 80–90, 85–95.
     *
     * @return a new immutable list of the eight windows, lowest first
     */
    public static List<PercentileWindow> reference() {
        List<PercentileWindow> windows = new ArrayList<>();
        for (int low = 50; low <= 85; low += 5) {
            windows.add(new PercentileWindow(low, low + 10));
        }
        return List.copyOf(windows);
    }

    /**
     * @param values the pool's values (e.g. the accuracy of each front member), at least one, all finite
     * @return {@code {low, high}}: the values of the two percentiles
     * @throws IllegalArgumentException if there are no values or a value is not finite
     */
    public double[] bounds(double[] values) {
        return new double[] {Percentiles.percentile(values, lowPercent), Percentiles.percentile(values, highPercent)};
    }

    /**
     * @param values the pool's values, at least one, all finite
     * @return the indices {@code i} with {@code low ≤ values[i] ≤ high}, ascending; possibly none
     * @throws IllegalArgumentException if there are no values or a value is not finite
     */
    public int[] select(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] bounds = bounds(values);
        return java.util.stream.IntStream.range(0, values.length)
                .filter(i -> values[i] >= bounds[0] && values[i] <= bounds[1]).toArray();
    }

    /** @return the window as {@code "50–60"} */
    public String label() {
        return format(lowPercent) + "–" + format(highPercent);
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : String.format(Locale.ROOT, "%s", percent);
    }
}
