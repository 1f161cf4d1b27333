package org.moevoprune.core.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.OdinScores;

/** The OoD side of an ensemble: per-threshold vote and combined score, against hand computation. */
class EnsembleOodTest {

    @Test
    void oneMemberVoteIsItsOwnThresholdCurve() {
        // in 1 2 3 4, OoD 0.5 2.5; thresholds s[⌊4·i/100⌋]: 4 for i ≥ 75, 3 for 50–74, 2 for 25–49, 1 for 0–24
        RocCurve curve = EnsembleOod.thresholdVote(List.of(new double[] {3, 1, 4, 2}),
                List.of(new double[] {2.5, 0.5}));
        assertEquals(EnsembleOod.LEVELS + 3, curve.size());
        double[] fpr = curve.fpr();
        double[] tpr = curve.tpr();
        assertEquals(0, fpr[0], 0.0);
        assertEquals(0, tpr[0], 0.0);
        assertEquals(0.0, tpr[1], 0.0, "i = 99: score > 4");
        assertEquals(0.25, tpr[26], 0.0, "i = 74: score > 3");
        assertEquals(0.0, fpr[26], 0.0);
        assertEquals(0.5, tpr[51], 0.0, "i = 49: score > 2");
        assertEquals(0.5, fpr[51], 0.0);
        assertEquals(0.75, tpr[100], 0.0, "i = 0: score > 1");
        assertEquals(0.5, fpr[100], 0.0);
        assertEquals(1.0, tpr[101], 0.0, "last level: score ≥ 1");
        assertEquals(0.5, fpr[101], 0.0);
        // trapezoids: (0→0.5)·(0.25+0.5)/2 + (0.5→1)·(1+1)/2
        assertEquals(0.1875 + 0.5, curve.auroc(), 1e-15);
    }

    @Test
    void theMajorityOutvotesAnInvertedMemberAtEveryThreshold() {
        double[] goodIn = {0.6, 0.7, 0.8, 0.9};
        double[] goodOod = {0.1, 0.2};
        double[] badIn = {0.1, 0.2, 0.3, 0.4};
        double[] badOod = {0.8, 0.9};
        assertEquals(0.0, EnsembleOod.thresholdVote(List.of(badIn), List.of(badOod)).auroc(), 0.0);
        RocCurve vote = EnsembleOod.thresholdVote(List.of(goodIn, goodIn, badIn), List.of(goodOod, goodOod, badOod));
        assertEquals(1.0, vote.auroc(), 0.0, "two of three reject every OoD row");
        for (double f : java.util.Arrays.copyOf(vote.fpr(), vote.size() - 1)) {
            assertEquals(0.0, f, 0.0);
        }
        RocCurve tie = EnsembleOod.thresholdVote(List.of(goodIn, badIn), List.of(goodOod, badOod));
        assertEquals(0.0, tie.fpr()[tie.size() - 2], 0.0, "a 1:1 tie counts as OoD");
    }

    @Test
    void theCombinedScoreIsTheMeanMemberScoreWithItsExactAuroc() {
        List<double[]> in = List.of(new double[] {0.6, 0.7, 0.8}, new double[] {0.1, 0.9, 0.2});
        List<double[]> ood = List.of(new double[] {0.65, 0.1}, new double[] {0.5, 0.3});
        // means: in 0.35 0.8 0.5, OoD 0.575 0.2 → wins: 0.35>0.2; 0.8>both; 0.5>0.2 → 4 of 6
        assertEquals(4.0 / 6, EnsembleOod.combinedAuroc(in, ood), 1e-15);
    }

    @Test
    void meanScoresOfHeadsAreTheMeanOfTheirOdinScores() {
        List<TrainedHead> heads = LogitHeads.of(2, 3);
        FeatureMatrix rows = LogitHeads.rows(new float[][][] {
            {LogitHeads.probabilities(0.7, 0.2, 0.1), LogitHeads.probabilities(0.4, 0.4, 0.2)},
            {LogitHeads.probabilities(0.1, 0.1, 0.8), LogitHeads.probabilities(0.3, 0.3, 0.4)}});
        double[] a = OdinScores.maxSoftmax(heads.get(0).logits(rows), 1.0);
        double[] b = OdinScores.maxSoftmax(heads.get(1).logits(rows), 1.0);
        assertArrayEquals(new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2},
                EnsembleOod.meanScores(heads, rows, 1.0), 1e-15);
        assertEquals((0.7 + 0.4) / 2, EnsembleOod.meanScores(heads, rows, 1.0)[0], 1e-6);
    }

    @Test
    void mismatchedScoresAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnsembleOod.thresholdVote(
                List.of(new double[] {1, 2}, new double[] {1}), List.of(new double[] {1}, new double[] {1})));
        assertTrue(e.getMessage().contains("member 1 scored 1 in-distribution rows but member 0 scored 2"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnsembleOod.thresholdVote(List.of(), List.of()));
    }
}
