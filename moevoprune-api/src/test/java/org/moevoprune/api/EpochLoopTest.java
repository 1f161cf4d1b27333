package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared epoch loop on scripted losses: improvement, patience, restoring, the epoch cap and divergence. */
class EpochLoopTest {

    /** Plays back losses and records the calls the loop makes. */
    private static final class Script implements EpochLoop.Epochs {
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
        TrainingSummary s = EpochLoop.run(settings(10, 3, 1e-3, true), script);
        assertEquals(List.of("epoch 0", "save", "epoch 1", "save", "epoch 2", "epoch 3", "epoch 4", "restore"),
                script.calls);
        assertEquals(new TrainingSummary(5, 50, 2, 0.5, 0.55, true, false), s);
    }

    @Test
    void reachingTheCapKeepsTheFinalWeightsAsKerasDoes() {
        Script script = new Script(1.0, 0.9, 0.95);
        TrainingSummary s = EpochLoop.run(settings(3, 5, 0, true), script);
        assertFalse(script.calls.contains("restore"));
        assertEquals(new TrainingSummary(3, 30, 2, 0.9, 0.95, false, false), s);
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        Script script = new Script(1.0, 2.0);
        TrainingSummary s = EpochLoop.run(settings(5, 1, 0, false), script);
        assertFalse(script.calls.contains("restore"));
        assertTrue(s.stoppedEarly());
    }

    @Test
    void aNonFiniteLossStopsAndRestoresTheBestFiniteWeights() {
        Script script = new Script(1.0, Double.NaN, 0.5);
        TrainingSummary s = EpochLoop.run(settings(5, 10, 0, true), script);
        assertEquals(List.of("epoch 0", "save", "epoch 1", "restore"), script.calls);
        assertTrue(s.diverged());
        assertEquals(1, s.bestEpoch());
        assertEquals(1.0, s.bestLoss());
    }

    @Test
    void divergingInTheFirstEpochRestoresTheInitialWeightsAndReportsNoBestEpoch() {
        Script script = new Script(Double.POSITIVE_INFINITY);
        TrainingSummary s = EpochLoop.run(settings(5, 10, 0, true), script);
        assertEquals(List.of("epoch 0", "restore"), script.calls);
        assertEquals(0, s.bestEpoch());
        assertTrue(s.diverged());
    }
}
