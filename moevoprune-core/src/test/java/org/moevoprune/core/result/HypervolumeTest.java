package org.moevoprune.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-worked hypervolumes in one to four dimensions, and a Monte-Carlo check of the three-dimensional slicing. */
class HypervolumeTest {

    @Test
    void emptySetHasNoVolume() {
        assertEquals(0.0, Hypervolume.of(new double[0][], new double[] {1, 1, 1}), 0.0);
        assertEquals(0.0, Hypervolume.normalised(new double[0][]), 0.0);
    }

    @Test
    void oneDimensionIsTheDistanceFromTheBestPointToTheReference() {
        double[] reference = {4};
        assertEquals(3.0, Hypervolume.of(new double[][] {{3}, {1}, {5}, {1}}, reference), 0.0);
        assertEquals(0.0, Hypervolume.of(new double[][] {{4}, {6}}, reference), 0.0);
        assertEquals(6.5, Hypervolume.of(new double[][] {{-2.5}}, reference), 0.0);
    }

    @Test
    void twoDimensionalStaircase() {
        double[] reference = {4, 4};
        // Sweep by x: (1,3) adds 3·1, (2,2) adds 2·1, (3,1) adds 1·1.
        double[][] staircase = {{3, 1}, {1, 3}, {2, 2}};
        assertEquals(6.0, Hypervolume.of(staircase, reference), 0.0);
        double[][] withNoise = {{3, 1}, {1, 3}, {2, 2}, {3, 3}, {2, 2}, {5, 0}, {4, 0}, {0, 4}, {2, 3}, {1, 5}};
        assertEquals(6.0, Hypervolume.of(withNoise, reference), 0.0, "dominated, duplicate and outside points");
        assertEquals(6.0 + 1.0 * 1.0, Hypervolume.of(new double[][] {{3, 1}, {1, 3}, {2, 2}, {0, 3}}, reference), 0.0);
        assertEquals(0.25, Hypervolume.normalised(new double[][] {{0.5, 0.5}}), 0.0);
    }

    @Test
    void threeDimensionalBoxesByInclusionExclusionByHand() {
        double[] two = {2, 2, 2};
        assertEquals(6.0, Hypervolume.of(new double[][] {{1, 1, 1}}, new double[] {2, 3, 4}), 0.0);
        // Boxes 2·2·1 and 1·1·2 overlap in 1·1·1.
        assertEquals(5.0, Hypervolume.of(new double[][] {{0, 0, 1}, {1, 1, 0}}, two), 0.0);
        // Three 2·1·1 slabs: 3·2 − 3·1 + 1.
        double[][] slabs = {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        assertEquals(4.0, Hypervolume.of(slabs, two), 0.0);
        double[][] slabsAndNoise = {{0, 1, 1}, {1, 1, 1}, {1, 0, 1}, {1, 1, 0}, {1, 0, 1}, {0, 0, 2}, {-1, -1, 3}};
        assertEquals(4.0, Hypervolume.of(slabsAndNoise, two), 0.0, "dominated, duplicate and outside points");
        assertEquals(1.0, Hypervolume.normalised(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}), 0.0);
    }

    @Test
    void fourDimensionalBoxesByHand() {
        double[] reference = {2, 2, 2, 2};
        assertEquals(16.0, Hypervolume.of(new double[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}, reference), 0.0);
        // Four 2·1·1·1 slabs: 4·2 − 6·1 + 4·1 − 1.
        double[][] slabs = {{0, 1, 1, 1}, {1, 0, 1, 1}, {1, 1, 0, 1}, {1, 1, 1, 0}};
        assertEquals(5.0, Hypervolume.of(slabs, reference), 0.0);
    }

    @Test
    void rejectsMalformedPoints() {
        assertThrows(IllegalArgumentException.class, () -> Hypervolume.of(new double[][] {{1, 2}}, new double[] {3}));
        assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(new double[][] {{0.5, Double.NaN}}, new double[] {1, 1}));
    }

    @Test
    void threeDimensionsAgreeWithMonteCarlo() {
        int samples = 400_000;
        double[] reference = {1, 1, 1};
        for (long seed = 1; seed <= 6; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] points = new double[3 + 3 * (int) seed][3];
            for (double[] p : points) {
                for (int i = 0; i < 3; i++) {
                    // Some points beyond the reference, which must add nothing.
                    p[i] = random.nextDouble(1.1);
                }
            }
            double exact = Hypervolume.of(points, reference);
            int hits = 0;
            double[] x = new double[3];
            for (int s = 0; s < samples; s++) {
                for (int i = 0; i < 3; i++) {
                    x[i] = random.nextDouble();
                }
                hits += coveredBy(points, x) ? 1 : 0;
            }
            double estimate = (double) hits / samples;
            double sigma = Math.sqrt(exact * (1 - exact) / samples);
            assertTrue(exact > 0.05 && exact < 0.95, "a volume the test can distinguish: " + exact);
            assertEquals(exact, estimate, 4 * sigma, "seed " + seed + ", " + points.length + " points");
        }
    }

    private static boolean coveredBy(double[][] points, double[] x) {
        for (double[] p : points) {
            if (p[0] <= x[0] && p[1] <= x[1] && p[2] <= x[2]) {
                return true;
            }
        }
        return false;
    }
}
