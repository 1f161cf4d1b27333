package org.moevoprune.core.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.core.testing.SmallRuns;

/** The class-mean ranking against hand-worked scores and the known informative features of generated data. */
class FeatureRankingTest {

    @Test
    void scoresAreTheHandWorkedBetweenClassStandardDeviations() {
        // rows (class): (0, 3, 1) 0, (0, 3, 0) 0, (1, 3, 2) 1, (1, 3, 3) 1
        // f0: class means 0 and 1, overall 0.5: between = 2·0.25 + 2·0.25 = 1, /4 → 0.25, √ → 0.5
        // f1: constant → 0
        // f2: class means 0.5 and 2.5, overall 1.5: between = 2·1 + 2·1 = 4, /4 → 1, √ → 1
        LabelledFeatures data = new LabelledFeatures(FeatureMatrix.of(new float[] {0, 3, 1}, new float[] {0, 3, 0},
                new float[] {1, 3, 2}, new float[] {1, 3, 3}), ClassLabels.of(2, 0, 0, 1, 1));
        FeatureRanking r = FeatureRanking.ofClassMeans(data);
        assertEquals(0.5, r.score(0), 1e-12);
        assertEquals(0.0, r.score(1), 1e-12);
        assertEquals(1.0, r.score(2), 1e-12);
        assertArrayEquals(new int[] {2, 0, 1}, r.order());
        assertArrayEquals(new double[] {0.5, 0.0, 1.0}, r.preference(), 1e-12);
        assertArrayEquals(new int[] {2, 0}, r.top(2));
    }

    @Test
    void shiftScoresAreTheHandWorkedStandardisedMeanDifferences() {
        // in: f0 = (2, 4) mean 3 var 1; f1 = (0, 0) mean 0 var 0; f2 = (1, 1) mean 1 var 0
        // ood: f0 = (0, 2) mean 1 var 1; f1 = (1, 3) mean 2 var 1; f2 = (1, 1) mean 1 var 0
        // raw: f0 (3 − 1)/√2 = √2; f1 (0 − 2)/√1 = −2; f2: no spread → 0; shifted by +2: 2 + √2, 0, 2
        FeatureMatrix in = FeatureMatrix.of(new float[] {2, 0, 1}, new float[] {4, 0, 1});
        FeatureMatrix ood = FeatureMatrix.of(new float[] {0, 1, 1}, new float[] {2, 3, 1});
        FeatureRanking r = FeatureRanking.ofShift(in, ood);
        assertEquals(2 + Math.sqrt(2), r.score(0), 1e-12);
        assertEquals(0, r.score(1), 1e-12);
        assertEquals(2, r.score(2), 1e-12);
        assertArrayEquals(new int[] {0, 2, 1}, r.order());
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.ofShift(in, FeatureMatrix.of(
                new float[] {1, 2})));
    }

    @Test
    void priorsMixTheTwoPreferencesByTheGivenWeight() {
        FeaturePriors both = new FeaturePriors(FeatureRanking.ofScores(new double[] {3, 2, 1}),
                FeatureRanking.ofScores(new double[] {1, 2, 3}));
        // accuracy preferences (1, 0.5, 0), robustness (0, 0.5, 1)
        assertArrayEquals(new double[] {1, 0.5, 0}, both.preference(1), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1}, both.preference(0), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, both.preference(0.25), 1e-12);
        FeaturePriors accuracyOnly = FeaturePriors.of(SmallRuns.PROBLEM.train(), null);
        assertTrue(accuracyOnly.robustnessRanking().isEmpty());
        assertArrayEquals(accuracyOnly.accuracy().preference(), accuracyOnly.preference(0.3), 0);
        assertThrows(IllegalArgumentException.class, () -> new FeaturePriors(FeatureRanking.ofScores(
                new double[] {1}), FeatureRanking.ofScores(new double[] {1, 2})));
    }

    @Test
    void tiesRankByTheLowerIndexAndOneFeatureIsPreferred() {
        FeatureRanking r = FeatureRanking.ofScores(new double[] {1, 2, 2, 0});
        assertArrayEquals(new int[] {1, 2, 0, 3}, r.order());
        assertArrayEquals(new double[] {1.0 / 3, 1, 2.0 / 3, 0}, r.preference(), 1e-12);
        assertArrayEquals(new double[] {1}, FeatureRanking.ofScores(new double[] {0}).preference(), 0);
    }

    @Test
    void theInformativeFeaturesOfGeneratedDataRankFirst() {
        // SmallRuns' problem: 48 features, 4 of which carry the classes' means (noise features: unit variance)
        FeatureRanking r = FeatureRanking.ofClassMeans(SmallRuns.PROBLEM.train());
        int[] top = r.top(4);
        Arrays.sort(top);
        int[] signal = SmallRuns.PROBLEM.informative().clone();
        Arrays.sort(signal);
        assertArrayEquals(signal, top);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FeatureRanking.ofScores(new double[] {1, -1}))
                .getMessage().contains("score 1 is -1.0"));
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.ofScores(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.ofScores(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> FeatureRanking.ofScores(new double[] {1}).top(2));
    }
}
