package org.moevoprune.core.metric;

import java.util.Arrays;
import java.util.Objects;

/**
 * Percentiles by linear interpolation between order statistics, exactly as {@code numpy.percentile(values, p)}
 * computes them with its default {@code method="linear"} (Hyndman and Fan's definition 7, the one of R's default
 * {@code quantile} as well).
 *
 * <p>With {@code x} the values sorted ascending ({@code n} of them), {@code q = p / 100} and the virtual index
 * {@code h = (n − 1)·q}: {@code i = ⌊h⌋}, {@code t = h − i}; the result is {@code x[n−1]} when {@code h ≥ n − 1},
 * else {@code a + (b − a)·t} for {@code t < 0.5} and {@code b − (b − a)·(1 − t)} for {@code t ≥ 0.5}, where
 * {@code a = x[i]} and {@code b = x[i+1]} (numpy's {@code _lerp}, which makes the result exact at both ends). This
 * gives numpy's result to the bit.
 *
 * <p>Stateless and thread-safe; inputs are never modified.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values at least one finite value, in any order
     * @param percent the percentile, in {@code [0, 100]}
     * @return the interpolated percentile
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if there are no values, a value is not finite, or {@code percent} is outside
     *     {@code [0, 100]}
     */
    public static double percentile(double[] values, double percent) {
        return ofSorted(sortedCopy(values), percent);
    }

    /**
     * The five-number summary used to describe a distribution: minimum, lower quartile, median, upper quartile and
     * maximum, each by {@link #percentile}.
     *
     * @param values at least one finite value
     * @return {@code {min, q1, median, q3, max}}
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if there are no values or a value is not finite
     */
    public static double[] fiveNumbers(double[] values) {
        double[] sorted = sortedCopy(values);
        return new double[] {sorted[0], ofSorted(sorted, 25), ofSorted(sorted, 50), ofSorted(sorted, 75),
            sorted[sorted.length - 1]};
    }

    private static double ofSorted(double[] sorted, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percent
                    + ": give a percentage such as 50 for the median");
        }
        int n = sorted.length;
        double h = (n - 1) * (percent / 100.0);
        if (h >= n - 1) {
            return sorted[n - 1];
        }
        int i = (int) Math.floor(h);
        double t = h - i;
        double a = sorted[i];
        double b = sorted[i + 1];
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    private static double[] sortedCopy(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value, got none");
        }
        double[] sorted = values.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("value " + i + " is " + sorted[i]
                        + ": percentiles need finite values");
            }
            sorted[i] += 0.0;
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
