package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.core.metric.Percentiles;

/**
 * Percentiles and windows against hand-computed values; the exact doubles are those numpy 2.4.6 prints for
 * {@code numpy.percentile(values, p)}.
 */
class PercentileWindowTest {

    private static final double[] FIVE = {0.2, 0.9, 0.5, 0.7, 0.4};
    private static final double[] SEVEN = {0.91, 0.93, 0.93, 0.95, 0.88, 0.97, 0.90};

    @Test
    void percentilesInterpolateLinearlyBetweenOrderStatistics() {
        // sorted 0.2 0.4 0.5 0.7 0.9; virtual index h = 4·p/100
        assertEquals(0.2, Percentiles.percentile(FIVE, 0), 0.0);
        assertEquals(0.4, Percentiles.percentile(FIVE, 25), 0.0);         // h = 1
        assertEquals(0.5, Percentiles.percentile(FIVE, 50), 0.0);         // h = 2
        assertEquals(0.54, Percentiles.percentile(FIVE, 55), 1e-15);      // 0.5 + 0.2·0.2
        assertEquals(0.58, Percentiles.percentile(FIVE, 60), 1e-15);      // 0.5 + 0.4·0.2
        assertEquals(0.7, Percentiles.percentile(FIVE, 75), 0.0);         // h = 3
        assertEquals(0.86, Percentiles.percentile(FIVE, 95), 1e-15);      // 0.9 − 0.2·0.2 (t ≥ 0.5)
        assertEquals(0.9, Percentiles.percentile(FIVE, 100), 0.0);
        // numpy's exact doubles, rounding included
        assertEquals(0.6599999999999999, Percentiles.percentile(FIVE, 70), 0.0);
        assertEquals(0.8200000000000001, Percentiles.percentile(FIVE, 90), 0.0);
        assertEquals(0.952, Percentiles.percentile(SEVEN, 85), 0.0);
        assertEquals(0.964, Percentiles.percentile(SEVEN, 95), 0.0);
        assertEquals(0.915, Percentiles.percentile(SEVEN, 37.5), 0.0);
        assertArrayEquals(new double[] {0.2, 0.4, 0.5, 0.7, 0.9}, Percentiles.fiveNumbers(FIVE), 0.0);
    }

    @Test
    void referenceWindowsAreTheEightOverlappingTenPointWindows() {
        List<PercentileWindow> windows = PercentileWindow.reference();
        assertEquals(8, windows.size());
        assertEquals(new PercentileWindow(50, 60), windows.get(0));
        assertEquals(new PercentileWindow(85, 95), windows.get(7));
        assertEquals("65–75", windows.get(3).label());
    }

    @Test
    void windowsSelectMembersBetweenBothPercentilesInclusive() {
        assertArrayEquals(new int[] {2}, new PercentileWindow(50, 60).select(FIVE));       // [0.5, 0.58]
        assertArrayEquals(new int[] {3}, new PercentileWindow(65, 75).select(FIVE));       // [0.62, 0.7]: upper bound
        assertArrayEquals(new int[] {}, new PercentileWindow(85, 95).select(FIVE));        // [0.78, 0.86]: empty
        assertArrayEquals(new int[] {1, 2}, new PercentileWindow(50, 60).select(SEVEN));   // [0.93, 0.93]: both ties
        assertArrayEquals(new int[] {5}, new PercentileWindow(85, 100).select(SEVEN));     // [0.952, 0.97]
        assertArrayEquals(new int[] {3, 5}, new PercentileWindow(80, 100).select(SEVEN));  // [0.946, 0.97]
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, new PercentileWindow(0, 100).select(FIVE));
    }

    @Test
    void badWindowsAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PercentileWindow(60, 50));
        assertThrows(IllegalArgumentException.class, () -> new PercentileWindow(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(FIVE, 101));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[] {Double.NaN}, 5));
    }
}
