package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.moevoprune.core.metric.Percentiles;

/** Invariants of percentiles and windows. */
class PercentileProperties {

    @Property
    void aPercentileLiesBetweenItsNeighbouringOrderStatistics(
            @ForAll @Size(min = 1, max = 40) double[] values, @ForAll @DoubleRange(min = 0, max = 100) double p) {
        if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v) || Math.abs(v) > 1e300)) {
            return;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * (p / 100);
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        double result = Percentiles.percentile(values, p);
        assertTrue(result >= sorted[low] && result <= sorted[high], () -> result + " outside [" + sorted[low] + ", "
                + sorted[high] + "]");
        if (h == low) {
            assertEquals(sorted[low], result, 0.0, "on an order statistic the percentile is that value");
        }
    }

    @Property
    void percentilesNeverDecreaseWithPAndIgnoreOrder(@ForAll @Size(min = 1, max = 30) double[] values,
            @ForAll @DoubleRange(min = 0, max = 100) double p, @ForAll @DoubleRange(min = 0, max = 100) double q) {
        if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v) || Math.abs(v) > 1e300)) {
            return;
        }
        double low = Math.min(p, q);
        double high = Math.max(p, q);
        assertTrue(Percentiles.percentile(values, low) <= Percentiles.percentile(values, high));
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        assertEquals(Percentiles.percentile(values, p), Percentiles.percentile(reversed, p), 0.0);
    }

    @Property
    void aWindowSelectsExactlyTheValuesBetweenItsBounds(@ForAll @Size(min = 1, max = 30) double[] values,
            @ForAll @DoubleRange(min = 0, max = 90) double low) {
        if (Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
            return;
        }
        PercentileWindow window = new PercentileWindow(low, low + 10);
        double[] bounds = window.bounds(values);
        int[] selected = window.select(values);
        long expected = Arrays.stream(values).filter(v -> v >= bounds[0] && v <= bounds[1]).count();
        assertEquals(expected, selected.length);
        for (int i : selected) {
            assertTrue(values[i] >= bounds[0] && values[i] <= bounds[1]);
        }
    }
}
