package org.moevoprune.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/** {@link Splits}: stratification counts, partitions, disjointness and seeding, against counts worked by hand. */
class SplitsTest {

    /** 7 of class 0, 5 of class 1, 3 of class 2; feature 0 of row i is i, so rows can be traced. */
    private static final int[] LABELS = {0, 1, 0, 2, 0, 1, 0, 0, 1, 2, 0, 1, 2, 1, 0};

    private static LabelledFeatures data() {
        float[] values = new float[LABELS.length * 2];
        for (int i = 0; i < LABELS.length; i++) {
            values[2 * i] = i;
        }
        return new LabelledFeatures(FeatureMatrix.wrap(values, LABELS.length, 2), ClassLabels.of(3, LABELS));
    }

    @Test
    void foldsPartitionTheSamplesAndSplitEveryClassEvenly() {
        int[][] folds = Splits.stratifiedFolds(ClassLabels.of(3, LABELS), 3, 99);
        // Dealing in turn across classes: class 0 (7) → folds 0,1,2,0,1,2,0; class 1 (5) → 1,2,0,1,2;
        // class 2 (3) → 0,1,2. Per fold: class 0 {3,2,2}, class 1 {1,2,2}, class 2 {1,1,1}.
        int[][] expected = {{3, 1, 1}, {2, 2, 1}, {2, 2, 1}};
        Set<Integer> seen = new HashSet<>();
        for (int f = 0; f < 3; f++) {
            int[] counts = new int[3];
            for (int i : folds[f]) {
                counts[LABELS[i]]++;
                assertTrue(seen.add(i), "sample " + i + " is in two folds");
            }
            assertArrayEquals(expected[f], counts, "fold " + f);
            int[] sorted = folds[f].clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, folds[f], "fold indices ascend");
        }
        assertEquals(LABELS.length, seen.size());
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOtherFolds() {
        ClassLabels labels = ClassLabels.of(3, LABELS);
        assertTrue(Arrays.deepEquals(Splits.stratifiedFolds(labels, 3, 5), Splits.stratifiedFolds(labels, 3, 5)));
        boolean differs = false;
        for (long seed = 6; seed < 12 && !differs; seed++) {
            differs = !Arrays.deepEquals(Splits.stratifiedFolds(labels, 3, 5), Splits.stratifiedFolds(labels, 3, seed));
        }
        assertTrue(differs, "six other seeds all gave the same folds");
    }

    @Test
    void theValidationSplitHoldsOutRoundedSharesOfEveryClassAndIsDisjoint() {
        LabelledFeatures[] parts = Splits.stratifiedHoldOut(data(), 0.4, 3);
        // round(7·0.4) = 3, round(5·0.4) = 2, round(3·0.4) = 1
        assertArrayEquals(new int[] {3, 2, 1}, parts[1].labels().counts());
        assertArrayEquals(new int[] {4, 3, 2}, parts[0].labels().counts());
        Set<Float> rows = new HashSet<>();
        for (LabelledFeatures p : parts) {
            for (int r = 0; r < p.size(); r++) {
                assertTrue(rows.add(p.features().get(r, 0)), "row " + p.features().get(r, 0) + " in both parts");
                assertEquals(LABELS[(int) p.features().get(r, 0)], p.labels().label(r), "labels follow their rows");
            }
        }
        assertEquals(LABELS.length, rows.size());
    }

    @Test
    void everyClassKeepsATrainingSampleAndAnEmptyValidationSplitIsRefused() {
        LabelledFeatures one = new LabelledFeatures(FeatureMatrix.of(new float[] {1}, new float[] {2}),
                ClassLabels.of(2, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splits.stratifiedHoldOut(one, 0.5, 1));
        assertTrue(e.getMessage().contains("holds out none"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedFolds(ClassLabels.of(2, 0, 1), 3, 1));
    }

    @Test
    void theOodPoolSplitIsADisjointSeededPartition() {
        float[] values = new float[10];
        for (int i = 0; i < 10; i++) {
            values[i] = i;
        }
        FeatureMatrix pool = FeatureMatrix.wrap(values, 10, 1);
        FeatureMatrix[] parts = Splits.holdOut(pool, 0.3, 8);
        assertEquals(7, parts[0].rows());
        assertEquals(3, parts[1].rows());
        Set<Float> all = new HashSet<>();
        for (FeatureMatrix p : parts) {
            for (int r = 0; r < p.rows(); r++) {
                all.add(p.get(r, 0));
            }
        }
        assertEquals(10, all.size());
        assertEquals(Arrays.toString(parts[1].toArray()), Arrays.toString(Splits.holdOut(pool, 0.3, 8)[1].toArray()));
    }
}
