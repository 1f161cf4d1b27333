package org.moevoprune.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.Objective;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.testkit.SyntheticData;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.objective.Objectives;

/**
 * The ND4J head against the pure-Java head: same data, mask, settings and seed start from the same weights and see
 * the same batches, so they may differ only by float rounding. Tolerances: after one epoch (8 updates) logits agree
 * to 1e-5 relative, {@code |a − b| ≤ 1e-5 · max(1, |b|)} (measured: 4e-7); after a full training run (up to 150
 * epochs, 1200 updates) accuracy and AUROC, the reference objectives, agree within 0.02 (measured: equal). Rounding
 * differences may grow over many updates, so the long run is compared by its objectives, not step for step.
 */
class CrossProviderTest {

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(31, 250, 200, 64, 4, 8, 1.2);
    private static final FeatureMask MASK = FeatureMask.parse("1110010110".repeat(6) + "1011");

    private final SparseHead nd4j = new Nd4jSparseHead();
    private final SparseHead java = new JavaSparseHead();

    @Test
    void afterOneEpochTheLogitsAgreeTo1eMinus5Relative() {
        TrainingSettings oneEpoch = TrainingSettings.builder().maxEpochs(1).learningRate(0.01).build();
        TrainedHead a = nd4j.train(PROBLEM.train(), MASK, oneEpoch, 77);
        TrainedHead b = java.train(PROBLEM.train(), MASK, oneEpoch, 77);
        float[] la = a.logits(PROBLEM.test().features()).toArray();
        float[] lb = b.logits(PROBLEM.test().features()).toArray();
        for (int i = 0; i < lb.length; i++) {
            assertEquals(lb[i], la[i], 1e-5 * Math.max(1, Math.abs(lb[i])), "logit " + i);
        }
        assertEquals(b.summary().finalLoss(), a.summary().finalLoss(), 1e-5 * b.summary().finalLoss());
        assertEquals(b.summary().updates(), a.summary().updates());
    }

    @Test
    void plainMomentumAlsoFollowsThePureJavaHead() {
        TrainingSettings plain = TrainingSettings.builder().maxEpochs(2).learningRate(0.01).nesterov(false)
                .hiddenUnits(64).batchSize(40).build();
        HeadParameters a = nd4j.train(PROBLEM.train(), MASK, plain, 5).parameters();
        HeadParameters b = java.train(PROBLEM.train(), MASK, plain, 5).parameters();
        assertTrue(maxDifference(a, b) < 1e-5, () -> "max weight difference " + maxDifference(a, b));
    }

    @Test
    void afterTrainingAccuracyAndAurocAgreeWithin002() {
        TrainingSettings settings = TrainingSettings.builder().maxEpochs(150).learningRate(0.01).hiddenUnits(128)
                .patience(5).minDelta(1e-4).build();
        double[] a = objectives(nd4j.train(PROBLEM.train(), MASK, settings, 3));
        double[] b = objectives(java.train(PROBLEM.train(), MASK, settings, 3));
        assertEquals(b[0], a[0], 0.02, "accuracy");
        assertEquals(b[2], a[2], 0.02, "AUROC");
        assertTrue(b[0] > 0.6, () -> "the problem must be learnable for the comparison to mean anything: " + b[0]);
    }

    /** Accuracy, active fraction and AUROC of the head on the problem's evaluation and OoD sets. */
    private static double[] objectives(TrainedHead head) {
        EvaluationContext context = EvaluationContexts.of(head, PROBLEM.test(), PROBLEM.ood());
        List<Objective> objectives = Objectives.defaults();
        double[] values = new double[objectives.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = objectives.get(i).evaluate(context);
        }
        return values;
    }

    private static double maxDifference(HeadParameters a, HeadParameters b) {
        double max = 0;
        float[][] left = {a.hiddenWeights(), a.outputWeights(), a.outputBias()};
        float[][] right = {b.hiddenWeights(), b.outputWeights(), b.outputBias()};
        for (int m = 0; m < left.length; m++) {
            for (int i = 0; i < left[m].length; i++) {
                max = Math.max(max, Math.abs(left[m][i] - right[m][i]));
            }
        }
        return max;
    }
}
