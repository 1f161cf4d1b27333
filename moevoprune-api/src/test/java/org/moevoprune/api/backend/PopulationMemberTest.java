package org.moevoprune.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.PopulationHead;
import org.moevoprune.api.TrainingSettings;

/** A population member's host-side arithmetic against hand-worked values and the single-head initialisation. */
class PopulationMemberTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.builder().hiddenUnits(2).maxEpochs(3).build();

    @Test
    void theDenseInitialWeightsAreTheCompactedOnesSpreadOverTheActiveRows() {
        FeatureMask mask = FeatureMask.parse("0101");
        PopulationMember m = PopulationMember.start(0, new PopulationHead.Member(mask, 9), SETTINGS, 4, 3);
        HeadParameters alone = TrainingRandom.of(9).initialParameters(mask, 2, 3);
        float[] dense = new float[4 * 2];
        float[] maskValues = {7, 7, 7, 7, 7, 7};
        m.denseInitialHidden(dense, maskValues, 2);
        float[] h = alone.hiddenWeights();
        assertArrayEquals(new float[] {0, 0, h[0], h[1], 0, 0, h[2], h[3]}, dense);
        assertArrayEquals(new float[] {7, 7, 0, 1, 0, 1}, maskValues, "the member's F values at offset 2");
        assertArrayEquals(alone.outputWeights(), m.initialOutput());
        HeadParameters back = m.parameters(dense, alone.outputWeights());
        assertArrayEquals(h, back.hiddenWeights());
        assertArrayEquals(alone.outputBias(), back.outputBias());
    }

    @Test
    void lossGradientAndNesterovStepAreTheHandWorkedOnes() {
        // C = 2, one row with label 1; the initial bias is 0 (TrainingRandom), so the logits stay (0, 0):
        // softmax (1/2, 1/2), loss ln 2, gradient (1/2, −1/2) for a batch of one row
        PopulationMember m = PopulationMember.start(0, new PopulationHead.Member(FeatureMask.parse("1"), 3),
                SETTINGS, 1, 2);
        m.beginEpoch();
        float[] logits = {5, 5, 0, 0};
        m.lossAndGradient(logits, 2, 1, 0, new int[] {1});
        assertArrayEquals(new float[] {5, 5, 0.5f, -0.5f}, logits, 1e-7f, "only the member's block is touched");
        // Nesterov, lr 0.1, mu 0.9: v = −0.1·g; b += 0.9·v − 0.1·g = −0.19·g
        m.updateBias(0.1f, 0.9f, true);
        HeadParameters p = m.parameters(new float[] {0, 0}, new float[4]);
        assertArrayEquals(new float[] {-0.095f, 0.095f}, p.outputBias(), 1e-7f);
        assertEquals(TrainingProcedure.EpochLoop.Verdict.IMPROVED, m.endEpoch(1));
        assertEquals(Math.log(2), m.loop().summary(1).bestLoss(), 1e-6);
    }

    @Test
    void aStopThatRestoresPutsBackTheBestBias() {
        TrainingSettings oneStrike = TrainingSettings.builder().hiddenUnits(2).maxEpochs(5).patience(1).build();
        PopulationMember m = PopulationMember.start(0, new PopulationHead.Member(FeatureMask.parse("1"), 3),
                oneStrike, 1, 2);
        float[] logits = new float[2];
        m.beginEpoch();
        m.lossAndGradient(logits, 0, 1, 0, new int[] {1});
        assertEquals(TrainingProcedure.EpochLoop.Verdict.IMPROVED, m.endEpoch(1));
        float[] best = m.parameters(new float[] {0, 0}, new float[4]).outputBias();
        m.updateBias(0.1f, 0.9f, false);
        m.beginEpoch();
        logits = new float[] {10, -10};
        m.lossAndGradient(logits, 0, 1, 0, new int[] {1});
        assertEquals(TrainingProcedure.EpochLoop.Verdict.STOP_AND_RESTORE, m.endEpoch(1));
        assertArrayEquals(best, m.parameters(new float[] {0, 0}, new float[4]).outputBias());
    }
}
