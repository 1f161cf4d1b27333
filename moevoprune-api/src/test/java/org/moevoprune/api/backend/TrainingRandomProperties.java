package org.moevoprune.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.MaskArbitraries;
import org.moevoprune.api.SplitMix64Reference;

/** {@link TrainingRandom} follows its documented procedure, and a feature's row ignores the rest of the mask. */
class TrainingRandomProperties {

    @Provide
    Arbitrary<boolean[]> bits() {
        return MaskArbitraries.bits().filter(bits -> bits.length > 0);
    }

    @Property(tries = 300)
    void hiddenRowFollowsTheDocumentedStream(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5000) int features,
            @ForAll @IntRange(min = 1, max = 40) int hidden, @ForAll @IntRange(min = 0, max = 4999) int feature) {
        int j = feature % features;
        float[] row = new float[hidden];
        TrainingRandom.of(seed).hiddenRow(j, features, hidden, row, 0);
        SplitMix64Reference stream = SplitMix64Reference.stream(seed, 2L * j + 1);
        double limit = Math.sqrt(6.0 / (features + hidden));
        for (int h = 0; h < hidden; h++) {
            assertEquals(stream.nextGlorot(limit), row[h], "unit " + h);
        }
    }

    @Property(tries = 300)
    void epochOrderFollowsTheDocumentedShuffle(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 100_000) int epoch) {
        int[] expected = new int[size];
        Arrays.setAll(expected, i -> i);
        SplitMix64Reference stream = SplitMix64Reference.stream(seed, -2L - epoch);
        for (int i = size - 1; i > 0; i--) {
            int j = stream.nextBounded(i + 1);
            int swap = expected[i];
            expected[i] = expected[j];
            expected[j] = swap;
        }
        int[] order = new int[size];
        TrainingRandom.of(seed).epochOrder(epoch, order);
        assertArrayEquals(expected, order);
    }

    /**
     * Row {@code i} of the initial hidden weights is feature {@code activeIndex(i)}'s row of the dense all-features
     * weights, whatever else is active: compacting a mask equals zeroing the inactive columns of a dense head.
     */
    @Property(tries = 200)
    void compactedRowsAreRowsOfTheDenseWeights(@ForAll("bits") boolean[] bits, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int hidden, @ForAll @IntRange(min = 1, max = 5) int classes) {
        FeatureMask mask = FeatureMask.of(bits);
        TrainingRandom random = TrainingRandom.of(seed);
        HeadParameters sparse = random.initialParameters(mask, hidden, classes);
        HeadParameters dense = random.initialParameters(FeatureMask.all(bits.length), hidden, classes);
        for (int i = 0; i < mask.activeCount(); i++) {
            int feature = mask.activeIndex(i);
            for (int h = 0; h < hidden; h++) {
                assertEquals(dense.hiddenWeight(feature, h), sparse.hiddenWeight(i, h), "feature " + feature);
            }
        }
        assertArrayEquals(dense.outputWeights(), sparse.outputWeights());
        assertArrayEquals(new float[classes], sparse.outputBias());
        assertEquals(mask, sparse.mask());
    }

    @Property(tries = 200)
    void aFeaturesRowIsTheSameInTwoMasksThatShareIt(@ForAll("bits") boolean[] x, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int hidden, @ForAll @IntRange(min = 0, max = 299) int pick) {
        int feature = pick % x.length;
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = !x[i];
        }
        x[feature] = true;
        y[feature] = true;
        FeatureMask a = FeatureMask.of(x);
        FeatureMask b = FeatureMask.of(y);
        HeadParameters pa = TrainingRandom.of(seed).initialParameters(a, hidden, 2);
        HeadParameters pb = TrainingRandom.of(seed).initialParameters(b, hidden, 2);
        int rowA = Arrays.binarySearch(a.activeIndices(), feature);
        int rowB = Arrays.binarySearch(b.activeIndices(), feature);
        for (int h = 0; h < hidden; h++) {
            assertEquals(pa.hiddenWeight(rowA, h), pb.hiddenWeight(rowB, h), "unit " + h);
        }
    }
}
