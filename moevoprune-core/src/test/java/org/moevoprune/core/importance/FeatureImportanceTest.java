package org.moevoprune.core.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.result.Evaluation;

/** Feature counts, the top-k order and objective spreads on a hand-made front. */
class FeatureImportanceTest {

    private static final List<String> IDS = List.of("accuracy", "active-fraction");

    private static Evaluation member(int index, String bits, double accuracy) {
        FeatureMask mask = FeatureMask.parse(bits);
        return new Evaluation(index, 0, mask, IDS, new double[] {accuracy, mask.activeFraction()}, index,
                new TrainingSummary(1, 1, 1, 0, 0, false, false), 0);
    }

    private static final List<Evaluation> FRONT = List.of(member(0, "110100", 0.9), member(1, "100110", 0.8),
            member(2, "110001", 0.7), member(3, "000100", 0.6));

    @Test
    void countsFrequenciesAndTopKWithLowerIndexFirstOnTies() {
        FeatureImportance importance = FeatureImportance.of(FRONT);
        assertArrayEquals(new int[] {3, 2, 0, 3, 1, 1}, importance.counts());
        assertArrayEquals(new double[] {0.75, 0.5, 0, 0.75, 0.25, 0.25}, importance.frequencies(), 0.0);
        assertArrayEquals(new int[] {0, 3, 1, 4}, importance.top(4));
        assertArrayEquals(new int[] {0, 3, 1, 4, 5, 2}, importance.top(10), "every feature, unkept last");
        assertArrayEquals(new int[] {}, importance.top(0));
        assertEquals(4, importance.memberCount());
    }

    @Test
    void spreadsDescribeTheMembersThatKeepAFeature() {
        FeatureImportance importance = FeatureImportance.of(FRONT);
        List<ObjectiveSpread> f0 = importance.spread(0); // members 0, 1, 2: accuracy 0.9 0.8 0.7
        assertEquals(2, f0.size());
        ObjectiveSpread accuracy = f0.get(0);
        assertEquals("accuracy", accuracy.objectiveId());
        assertEquals(3, accuracy.members());
        assertEquals(0.7, accuracy.min(), 0.0);
        assertEquals(0.75, accuracy.lowerQuartile(), 1e-15);
        assertEquals(0.8, accuracy.median(), 0.0);
        assertEquals(0.85, accuracy.upperQuartile(), 1e-15);
        assertEquals(0.9, accuracy.max(), 0.0);
        ObjectiveSpread fraction = f0.get(1);
        assertEquals(0.5, fraction.min(), 0.0);
        assertEquals(0.5, fraction.max(), 0.0);
        assertTrue(importance.spread(2).isEmpty(), "nobody keeps feature 2");
    }

    @Test
    void mixedMaskLengthsAndEmptyFrontsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureImportance.of(List.of(member(0, "11", 1), member(1, "111", 1))));
        assertTrue(e.getMessage().contains("member 1 has a mask of 3 features but member 0 has 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureImportance.of(List.<Evaluation>of()));
        assertThrows(IllegalArgumentException.class, () -> FeatureImportance.of(FRONT).top(-1));
    }
}
