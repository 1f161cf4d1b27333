package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.api.FeatureMask;

/**
 * The variation operators ({@link Variation}): uniform crossover and bit-flip mutation keep the length and the
 * crossover conserves each position's pair of bits; swap, flip and density rates match their probabilities under
 * fixed-seed generators (4σ binomial bounds or chi-square bounds, deterministic); equal seeds give equal results.
 */
class VariationProperties {

    @Property(tries = 300)
    void crossoverConservesEachPositionsPairOfBits(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll @DoubleRange(min = 0, max = 1) double swap, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FeatureMask first = randomMask(length, random);
        FeatureMask second = randomMask(length, random);
        FeatureMask[] children = new Variation(swap, 0.01).crossover(first, second, random);
        assertEquals(2, children.length);
        assertEquals(length, children[0].length());
        assertEquals(length, children[1].length());
        for (int i = 0; i < length; i++) {
            int parents = (first.isActive(i) ? 1 : 0) + (second.isActive(i) ? 1 : 0);
            int kids = (children[0].isActive(i) ? 1 : 0) + (children[1].isActive(i) ? 1 : 0);
            assertEquals(parents, kids, "position " + i);
        }
    }

    @Property(tries = 300)
    void mutationKeepsTheLength(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll @DoubleRange(min = 0, max = 1) double flip, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        assertEquals(length, new Variation(0.5, flip).mutate(randomMask(length, random), random).length());
    }

    @Property(tries = 100)
    void equalSeedsGiveEqualChildren(@ForAll @IntRange(min = 1, max = 300) int length,
            @ForAll @DoubleRange(min = 0, max = 1) double swap, @ForAll @DoubleRange(min = 0, max = 1) double flip,
            @ForAll long seed) {
        FeatureMask first = randomMask(length, new SplittableRandom(~seed));
        FeatureMask second = randomMask(length, new SplittableRandom(seed ^ 0x5DEECE66DL));
        Variation variation = new Variation(swap, flip);
        SplittableRandom one = new SplittableRandom(seed);
        SplittableRandom two = new SplittableRandom(seed);
        assertArrayEquals(variation.crossover(first, second, one), variation.crossover(first, second, two));
        assertEquals(variation.mutate(first, one), variation.mutate(first, two));
        assertEquals(Variation.randomDensity(length, one), Variation.randomDensity(length, two));
    }

    @Example
    void extremeProbabilitiesAreExact() {
        SplittableRandom random = new SplittableRandom(3L);
        FeatureMask first = randomMask(1280, random);
        FeatureMask second = randomMask(1280, random);
        FeatureMask[] kept = new Variation(0, 0).crossover(first, second, random);
        assertEquals(first, kept[0]);
        assertEquals(second, kept[1]);
        FeatureMask[] exchanged = new Variation(1, 0).crossover(first, second, random);
        assertEquals(second, exchanged[0], "swap probability 1 swaps every bit");
        assertEquals(first, exchanged[1], "swap probability 1 swaps every bit");
        assertEquals(first, new Variation(0.5, 0).mutate(first, random));
        assertEquals(1280, Variation.randomDensity(1280, random).length());
        FeatureMask flipped = new Variation(0.5, 1).mutate(first, random);
        for (int i = 0; i < 1280; i++) {
            assertEquals(!first.isActive(i), flipped.isActive(i), "flip probability 1 flips bit " + i);
        }
    }

    @Example
    void swapRateMatchesTheSwapProbability() {
        int length = 1280;
        for (double p : new double[] {1.0 / length, 0.1, 0.5, 0.9, 1.0}) {
            SplittableRandom random = new SplittableRandom(11L);
            Variation variation = new Variation(p, 0);
            long swaps = 0;
            int trials = 2000;
            for (int t = 0; t < trials; t++) {
                FeatureMask first = randomMask(length, random);
                // Complementary parents make every swap visible: child 0 differs from parent 0 exactly where swapped.
                FeatureMask second = complement(first);
                FeatureMask child = variation.crossover(first, second, random)[0];
                for (int i = 0; i < length; i++) {
                    swaps += child.isActive(i) != first.isActive(i) ? 1 : 0;
                }
            }
            assertBinomial(swaps, (long) trials * length, p, "swaps at p = " + p);
        }
    }

    @Example
    void flipRateMatchesTheFlipProbability() {
        int length = 1280;
        for (double p : new double[] {1.0 / length, 0.01, 0.5, 0.95}) {
            SplittableRandom random = new SplittableRandom(13L);
            Variation variation = new Variation(0.5, p);
            long flips = 0;
            int trials = 2000;
            for (int t = 0; t < trials; t++) {
                FeatureMask mask = randomMask(length, random);
                FeatureMask mutated = variation.mutate(mask, random);
                for (int i = 0; i < length; i++) {
                    flips += mutated.isActive(i) != mask.isActive(i) ? 1 : 0;
                }
            }
            assertBinomial(flips, (long) trials * length, p, "flips at p = " + p);
        }
    }

    @Example
    void flipsAreSpreadOverAllPositions() {
        // With 1/F per bit every position must be reachable: 2 000 mutations of 64 bits flip each about 31 times.
        int length = 64;
        SplittableRandom random = new SplittableRandom(17L);
        Variation variation = new Variation(0.5, 1.0 / length);
        int[] flips = new int[length];
        FeatureMask none = FeatureMask.none(length);
        for (int t = 0; t < 2000; t++) {
            variation.mutate(none, random).forEachActive(i -> flips[i]++);
        }
        assertTrue(Arrays.stream(flips).min().getAsInt() > 0, Arrays.toString(flips));
    }

    @Example
    void densityCountsAreRoundedUniformFractions() {
        // count = round(p·F), p ~ U(0, 1): P(0) = P(F) = 1/(2F), P(k) = 1/F for 0 < k < F.
        int length = 4;
        int trials = 100_000;
        SplittableRandom random = new SplittableRandom(19L);
        int[] counts = new int[length + 1];
        int[] perBit = new int[length];
        for (int t = 0; t < trials; t++) {
            FeatureMask mask = Variation.randomDensity(length, random);
            counts[mask.activeCount()]++;
            mask.forEachActive(i -> perBit[i]++);
        }
        double[] expected = {1.0 / 8, 1.0 / 4, 1.0 / 4, 1.0 / 4, 1.0 / 8};
        double chi = 0;
        for (int k = 0; k <= length; k++) {
            chi += Math.pow(counts[k] - expected[k] * trials, 2) / (expected[k] * trials);
        }
        // Four degrees of freedom: P(χ² > 25) ≈ 5e-5.
        assertTrue(chi < 25, () -> Arrays.toString(counts));
        // By symmetry each bit is active with probability 1/2 (Bernoulli, 4σ).
        for (int i = 0; i < length; i++) {
            assertBinomial(perBit[i], trials, 0.5, "bit " + i);
        }
    }

    @Example
    void densitiesAreUniformOverTheFullRange() {
        int length = 1280;
        int trials = 2000;
        SplittableRandom random = new SplittableRandom(23L);
        double sum = 0;
        int min = length;
        int max = 0;
        for (int t = 0; t < trials; t++) {
            int count = Variation.randomDensity(length, random).activeCount();
            sum += (double) count / length;
            min = Math.min(min, count);
            max = Math.max(max, count);
        }
        // U(0, 1) has variance 1/12; rounding to 1/F adds at most 1/(12F²).
        double sigma = Math.sqrt((1.0 / 12 + 1.0 / (12.0 * length * length)) / trials);
        assertEquals(0.5, sum / trials, 4 * sigma);
        assertTrue(min < length / 100 && max > length - length / 100, "counts span " + min + ".." + max);
    }

    @Example
    void densityOfTheEdgeLengths() {
        SplittableRandom random = new SplittableRandom(29L);
        assertEquals(0, Variation.randomDensity(0, random).length());
        int ones = 0;
        for (int t = 0; t < 10_000; t++) {
            ones += Variation.randomDensity(1, random).activeCount();
        }
        assertBinomial(ones, 10_000, 0.5, "length 1");
    }

    private static void assertBinomial(long successes, long trials, double p, String what) {
        double mean = trials * p;
        double sigma = Math.sqrt(trials * p * (1 - p));
        assertEquals(mean, successes, 4 * sigma, what + ": " + successes + " of " + trials);
    }

    static FeatureMask randomMask(int length, SplittableRandom random) {
        boolean[] bits = new boolean[length];
        for (int i = 0; i < length; i++) {
            bits[i] = random.nextBoolean();
        }
        return FeatureMask.of(bits);
    }

    private static FeatureMask complement(FeatureMask mask) {
        boolean[] bits = mask.toBooleanArray();
        for (int i = 0; i < bits.length; i++) {
            bits[i] = !bits[i];
        }
        return FeatureMask.of(bits);
    }
}
