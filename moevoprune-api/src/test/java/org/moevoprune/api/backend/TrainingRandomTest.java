package org.moevoprune.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SplitMix64Reference;

/**
 * Known answers and fixed-seed statistics of {@link TrainingRandom}. Every expected value comes from
 * {@link SplitMix64Reference}, written from the class documentation; fixed seeds make the statistical checks
 * deterministic, and their tolerances are five standard errors or a 0.1 % critical value.
 */
class TrainingRandomTest {

    @Test
    void mixAndDeriveArePinned() {
        assertEquals(0xE220A8397B1DCDAFL, TrainingRandom.mix(SplitMix64Reference.GAMMA));
        assertEquals(0x57B74577E39D30BEL, SplitMix64Reference.derive(0, 0));
        assertEquals(0x57B74577E39D30BEL, TrainingRandom.derive(0, 0));
        assertEquals(0x777A90CC19C10FE1L, SplitMix64Reference.derive(42, 7));
        assertEquals(0x777A90CC19C10FE1L, TrainingRandom.derive(42, 7));
    }

    /** Seed 42, F = 10, H = 4: the hidden row of feature 3 comes from salt 2·3 + 1 with limit sqrt(6/14). */
    @Test
    void firstHiddenWeightsArePinned() {
        float[] expected = {0.18855272f, 0.60237247f, -0.1498464f, -0.007845546f};
        SplitMix64Reference stream = SplitMix64Reference.stream(42, 7);
        for (float value : expected) {
            assertEquals(value, stream.nextGlorot(Math.sqrt(6.0 / 14)));
        }
        float[] row = new float[6];
        TrainingRandom.of(42).hiddenRow(3, 10, 4, row, 1);
        assertArrayEquals(new float[] {0, expected[0], expected[1], expected[2], expected[3], 0}, row);
        HeadParameters p = TrainingRandom.of(42).initialParameters(FeatureMask.ofIndices(10, 3, 7), 4, 3);
        assertArrayEquals(expected, Arrays.copyOf(p.hiddenWeights(), 4));
    }

    /** Seed 42, H = 4, C = 3: the output weights come from salt −1 with limit sqrt(6/7). */
    @Test
    void firstOutputWeightsArePinned() {
        float[] expected = {-0.7630977f, 0.17009217f, 0.1077767f};
        SplitMix64Reference stream = SplitMix64Reference.stream(42, -1);
        for (float value : expected) {
            assertEquals(value, stream.nextGlorot(Math.sqrt(6.0 / 7)));
        }
        float[] output = TrainingRandom.of(42).initialParameters(FeatureMask.none(10), 4, 3).outputWeights();
        assertArrayEquals(expected, Arrays.copyOf(output, 3));
    }

    @Test
    void firstEpochOrderIsPinned() {
        int[] order = new int[10];
        TrainingRandom.of(42).epochOrder(0, order);
        assertArrayEquals(new int[] {0, 3, 8, 4, 6, 1, 2, 5, 9, 7}, order);
    }

    @Test
    void epochOrderIsAPermutationForEverySizeUpTo1000() {
        TrainingRandom random = TrainingRandom.of(7);
        for (int size = 0; size <= 1000; size++) {
            int[] order = new int[size];
            random.epochOrder(3, order);
            boolean[] seen = new boolean[size];
            for (int index : order) {
                assertFalse(seen[index], "size " + size + " repeats " + index);
                seen[index] = true;
            }
        }
    }

    @Test
    void epochOrderDiffersBetweenEpochsAndSeeds() {
        for (int size = 8; size <= 1000; size += 7) {
            int[] first = new int[size];
            int[] second = new int[size];
            int[] otherSeed = new int[size];
            TrainingRandom.of(11).epochOrder(0, first);
            TrainingRandom.of(11).epochOrder(1, second);
            TrainingRandom.of(12).epochOrder(0, otherSeed);
            assertFalse(Arrays.equals(first, second), "size " + size);
            assertFalse(Arrays.equals(first, otherSeed), "size " + size);
        }
    }

    /** A Fisher–Yates off-by-one (Sattolo's cycles, or j drawn from the whole array) fails this chi-square. */
    @Test
    void epochOrdersOfThreeAndFourSamplesAreUniform() {
        assertUniformPermutations(3, 6000, 20.515);  // chi-square, 5 degrees of freedom, p = 0.001
        assertUniformPermutations(4, 24000, 49.728); // 23 degrees of freedom
    }

    private static void assertUniformPermutations(int size, int epochs, double critical) {
        TrainingRandom random = TrainingRandom.of(2024);
        Map<String, Integer> counts = new HashMap<>();
        int[] order = new int[size];
        for (int epoch = 0; epoch < epochs; epoch++) {
            random.epochOrder(epoch, order);
            counts.merge(Arrays.toString(order), 1, Integer::sum);
        }
        int permutations = size == 3 ? 6 : 24;
        assertEquals(permutations, counts.size());
        double expected = (double) epochs / permutations;
        double chiSquare = 0;
        for (int count : counts.values()) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquare < critical, "chi-square " + chiSquare + " for size " + size);
    }

    @Test
    void sameSeedGivesTheSameNumbers() {
        FeatureMask mask = FeatureMask.parse("1101001110");
        assertEquals(TrainingRandom.of(5).initialParameters(mask, 8, 3),
                TrainingRandom.of(5).initialParameters(mask, 8, 3));
        assertNotEquals(TrainingRandom.of(5).initialParameters(mask, 8, 3),
                TrainingRandom.of(6).initialParameters(mask, 8, 3));
        assertEquals(5, TrainingRandom.of(5).seed());
        assertEquals("TrainingRandom[seed=5]", TrainingRandom.of(5).toString());
    }

    @Test
    void deriveGivesDistinctChildrenForDistinctSalts() {
        Set<Long> children = new HashSet<>();
        for (long salt = -5000; salt < 5000; salt++) {
            assertTrue(children.add(TrainingRandom.derive(99, salt)), "salt " + salt);
        }
        for (long seed = -5000; seed < 5000; seed++) {
            assertTrue(children.add(TrainingRandom.derive(seed, 12345)), "seed " + seed);
        }
    }

    /** Neighbouring seeds or salts flip half of the 64 bits on average, and each bit is set half of the time. */
    @Test
    void deriveSpreadsNeighbouringInputs() {
        int n = 10000;
        long flippedBySalt = 0;
        long flippedBySeed = 0;
        int[] bitCounts = new int[64];
        for (int i = 0; i < n; i++) {
            long child = TrainingRandom.derive(31337, i);
            flippedBySalt += Long.bitCount(child ^ TrainingRandom.derive(31337, i + 1));
            flippedBySeed += Long.bitCount(TrainingRandom.derive(i, 8) ^ TrainingRandom.derive(i + 1, 8));
            for (int b = 0; b < 64; b++) {
                bitCounts[b] += (int) ((child >>> b) & 1);
            }
        }
        // a mean of n Binomial(64, ½) values has standard error 4/sqrt(n) = 0.04
        assertEquals(32.0, (double) flippedBySalt / n, 0.2);
        assertEquals(32.0, (double) flippedBySeed / n, 0.2);
        for (int b = 0; b < 64; b++) {
            assertEquals(n / 2.0, bitCounts[b], 5 * Math.sqrt(n / 4.0), "bit " + b);
        }
    }

    @Test
    void hiddenWeightsAreGlorotUniformOnTheFullFanIn() {
        int features = 2000;
        int hidden = 64;
        double limit = Math.sqrt(6.0 / (features + hidden));
        float[] weights = TrainingRandom.of(123).initialParameters(FeatureMask.all(features), hidden, 2)
                .hiddenWeights();
        assertUniform(weights, limit);
        // a sparse mask keeps the full-fan-in limit
        float[] sparse = TrainingRandom.of(123).initialParameters(FeatureMask.ofIndices(features, 5), hidden, 2)
                .hiddenWeights();
        assertWithin(sparse, limit);
    }

    @Test
    void outputWeightsAreGlorotUniformAndBiasesZero() {
        int hidden = 256;
        int classes = 100;
        HeadParameters p = TrainingRandom.of(321).initialParameters(FeatureMask.parse("1"), hidden, classes);
        assertUniform(p.outputWeights(), Math.sqrt(6.0 / (hidden + classes)));
        assertArrayEquals(new float[classes], p.outputBias());
        assertEquals(hidden * classes, p.outputWeights().length);
    }

    @Test
    void emptyMaskStillDrawsTheOutputLayer() {
        HeadParameters empty = TrainingRandom.of(8).initialParameters(FeatureMask.none(30), 16, 4);
        HeadParameters full = TrainingRandom.of(8).initialParameters(FeatureMask.all(30), 16, 4);
        assertEquals(0, empty.hiddenWeights().length);
        assertArrayEquals(full.outputWeights(), empty.outputWeights());
        assertEquals(FeatureMask.none(30), empty.mask());
    }

    @Test
    void badArgumentsAreRejected() {
        TrainingRandom random = TrainingRandom.of(1);
        FeatureMask mask = FeatureMask.all(4);
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> random.initialParameters(mask, 0, 2));
        assertTrue(hidden.getMessage().contains("got 0"), hidden.getMessage());
        assertThrows(IllegalArgumentException.class, () -> random.initialParameters(mask, 3, 0));
        assertEquals("mask", assertThrows(NullPointerException.class,
                () -> random.initialParameters(null, 3, 2)).getMessage());
        IllegalArgumentException epoch = assertThrows(IllegalArgumentException.class,
                () -> random.epochOrder(-1, new int[3]));
        assertTrue(epoch.getMessage().contains("-1"), epoch.getMessage());
        assertThrows(NullPointerException.class, () -> random.epochOrder(0, null));
        assertThrows(IndexOutOfBoundsException.class, () -> random.hiddenRow(4, 4, 2, new float[2], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> random.hiddenRow(-1, 4, 2, new float[2], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> random.hiddenRow(0, 4, 2, new float[2], 1));
    }

    private static void assertWithin(float[] weights, double limit) {
        for (int i = 0; i < weights.length; i++) {
            assertTrue(Math.abs(weights[i]) <= (float) limit, "weight " + i + " = " + weights[i] + ", limit " + limit);
        }
    }

    /** Range, mean L²/3-variance and a Kolmogorov–Smirnov test against U(−L, L). */
    private static void assertUniform(float[] weights, double limit) {
        assertWithin(weights, limit);
        int n = weights.length;
        double sum = 0;
        double sumOfSquares = 0;
        for (float w : weights) {
            sum += w;
            sumOfSquares += (double) w * w;
        }
        double mean = sum / n;
        double variance = sumOfSquares / n - mean * mean;
        double l2 = limit * limit;
        assertEquals(0.0, mean, 5 * limit / Math.sqrt(3.0 * n), "mean");
        assertEquals(l2 / 3, variance, 5 * Math.sqrt(4.0 / 45) * l2 / Math.sqrt(n), "variance");
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = (weights[i] / limit + 1) / 2;
        }
        Arrays.sort(u);
        double d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.max((i + 1.0) / n - u[i], u[i] - (double) i / n));
        }
        assertTrue(d < 1.95 / Math.sqrt(n), "Kolmogorov–Smirnov D = " + d + " over " + n + " weights");
    }
}
