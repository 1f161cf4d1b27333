package org.moevoprune.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;

/**
 * The shared training procedure: the epoch loop on scripted losses: improvement, patience, restoring, the epoch cap
 * and divergence.
 */
class TrainingProcedureTest {

    /** Plays back losses and records the calls the loop makes. */
    private static final class Script implements TrainingProcedure.Epochs {
        final double[] losses;
        final List<String> calls = new ArrayList<>();

        Script(double... losses) {
            this.losses = losses;
        }

        @Override
        public double epoch(int epoch) {
            calls.add("epoch " + epoch);
            return losses[epoch];
        }

        @Override
        public void saveBest() {
            calls.add("save");
        }

        @Override
        public void restoreBest() {
            calls.add("restore");
        }

        @Override
        public long updates() {
            return 10L * calls.stream().filter(c -> c.startsWith("epoch")).count();
        }
    }

    private static TrainingSettings settings(int maxEpochs, int patience, double minDelta, boolean restore) {
        return TrainingSettings.builder().maxEpochs(maxEpochs).patience(patience).minDelta(minDelta)
                .restoreBestWeights(restore).build();
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        Script script = new Script(1.0, 0.5, 0.49999, 0.6, 0.55, 0.1);
        TrainingSummary s = TrainingProcedure.run(settings(10, 3, 1e-3, true), script);
        assertEquals(List.of("epoch 0", "save", "epoch 1", "save", "epoch 2", "epoch 3", "epoch 4", "restore"),
                script.calls);
        assertEquals(new TrainingSummary(5, 50, 2, 0.5, 0.55, true, false), s);
    }

    @Test
    void reachingTheCapKeepsTheFinalWeightsAsKerasDoes() {
        Script script = new Script(1.0, 0.9, 0.95);
        TrainingSummary s = TrainingProcedure.run(settings(3, 5, 0, true), script);
        assertFalse(script.calls.contains("restore"));
        assertEquals(new TrainingSummary(3, 30, 2, 0.9, 0.95, false, false), s);
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        Script script = new Script(1.0, 2.0);
        TrainingSummary s = TrainingProcedure.run(settings(5, 1, 0, false), script);
        assertFalse(script.calls.contains("restore"));
        assertTrue(s.stoppedEarly());
    }

    @Test
    void aNonFiniteLossStopsAndRestoresTheBestFiniteWeights() {
        Script script = new Script(1.0, Double.NaN, 0.5);
        TrainingSummary s = TrainingProcedure.run(settings(5, 10, 0, true), script);
        assertEquals(List.of("epoch 0", "save", "epoch 1", "restore"), script.calls);
        assertTrue(s.diverged());
        assertEquals(1, s.bestEpoch());
        assertEquals(1.0, s.bestLoss());
    }

    @Test
    void divergingInTheFirstEpochRestoresTheInitialWeightsAndReportsNoBestEpoch() {
        Script script = new Script(Double.POSITIVE_INFINITY);
        TrainingSummary s = TrainingProcedure.run(settings(5, 10, 0, true), script);
        assertEquals(List.of("epoch 0", "restore"), script.calls);
        assertEquals(0, s.bestEpoch());
        assertTrue(s.diverged());
    }

    @Test
    void softmaxCrossEntropyMatchesTheDefinitionAndItsGradient() {
        float[] row = {9f, 1f, 2f, 3f};
        double e1 = Math.exp(1);
        double e2 = Math.exp(2);
        double e3 = Math.exp(3);
        double sum = e1 + e2 + e3;
        double loss = TrainingProcedure.softmaxCrossEntropy(row, 1, 3, 2, 0.5);
        assertEquals(Math.log(sum) - 3, loss, 1e-12);
        assertEquals(9f, row[0]);
        assertEquals(e1 / sum * 0.5, row[1], 1e-7);
        assertEquals(e2 / sum * 0.5, row[2], 1e-7);
        assertEquals((e3 / sum - 1) * 0.5, row[3], 1e-7);
        float[] large = {1e4f, -1e4f};
        assertEquals(0.0, TrainingProcedure.softmaxCrossEntropy(large, 0, 2, 0, 1.0), 1e-12);
    }

    @Test
    void requireTrainableNamesTheMismatch() {
        LabelledFeatures data = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 2}), ClassLabels.of(2, 1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingProcedure.requireTrainable(data, FeatureMask.all(3)));
        assertTrue(e.getMessage().contains("3 bits") && e.getMessage().contains("2 columns"), e.getMessage());
        LabelledFeatures empty = new LabelledFeatures(FeatureMatrix.wrap(new float[0], 0, 2), ClassLabels.of(2));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingProcedure.requireTrainable(empty, FeatureMask.all(2)));
    }
}
