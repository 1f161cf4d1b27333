package org.moevoprune.api.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingStart;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * The behaviour every {@link SparseHead} provider must show. A backend module extends this class (it ships in the
 * api test-jar, see {@link org.moevoprune.api.testkit}) and returns its provider from {@link #provider()};
 * {@link #tolerance()} bounds its float error against the double-precision oracle.
 */
public abstract class SparseHeadContract {

    /** @return the provider under test */
    protected abstract SparseHead provider();

    /** @return the absolute tolerance of logits against the double-precision dense oracle */
    protected double tolerance() {
        return 1e-4;
    }

    private static final SyntheticData.Problem PROBLEM = SyntheticData.blobs(7, 240, 120, 40, 3, 6, 2.5);

    protected static TrainingSettings fast(int epochs) {
        return TrainingSettings.builder().hiddenUnits(32).maxEpochs(epochs).learningRate(0.05).build();
    }

    @Test
    void learnsASeparableProblemToAtLeast95Percent() {
        FeatureMask mask = FeatureMask.all(40);
        TrainedHead head = provider().train(PROBLEM.train(), mask, fast(60), 1);
        assertTrue(accuracy(head, PROBLEM.test()) >= 0.95, () -> "accuracy " + accuracy(head, PROBLEM.test()));
        assertTrue(head.summary().bestLoss() < 0.2, () -> "loss " + head.summary());
    }

    @Test
    void learnsFromTheInformativeFeaturesAlone() {
        FeatureMask mask = FeatureMask.ofIndices(40, PROBLEM.informative());
        TrainedHead head = provider().train(PROBLEM.train(), mask, fast(60), 2);
        assertTrue(accuracy(head, PROBLEM.test()) >= 0.95, () -> "accuracy " + accuracy(head, PROBLEM.test()));
    }

    @Test
    void sameSeedGivesABitIdenticalHeadAndAnotherSeedDoesNot() {
        FeatureMask mask = FeatureMask.parse("1101".repeat(10));
        HeadParameters a = provider().train(PROBLEM.train(), mask, fast(5), 11).parameters();
        HeadParameters b = provider().train(PROBLEM.train(), mask, fast(5), 11).parameters();
        HeadParameters other = provider().train(PROBLEM.train(), mask, fast(5), 12).parameters();
        assertEquals(a, b);
        assertNotEquals(a, other);
    }

    @Test
    void aColdTrainingStartTrainsExactlyAsTheFourArgumentMethod() {
        FeatureMask mask = FeatureMask.parse("1011".repeat(10));
        HeadParameters plain = provider().train(PROBLEM.train(), mask, fast(4), 21).parameters();
        HeadParameters cold = provider().train(PROBLEM.train(), mask, fast(4), 21, TrainingStart.cold()).parameters();
        assertEquals(plain, cold);
    }

    @Test
    void aWarmStartFromTheSameMaskStartsFromTheParentAndAnEpochCheckStopsTraining() {
        // A provider that cannot warm-start says so and trains cold to the end; one that can must start from the
        // parent's weights (nothing to learn left in one epoch with learning rate ~0) and stop when the check says.
        FeatureMask mask = FeatureMask.parse("0111".repeat(10));
        SparseHead head = provider();
        HeadParameters parent = head.train(PROBLEM.train(), mask, fast(3), 22).parameters();
        TrainingSettings tiny = fast(6).toBuilder().learningRate(1e-12).earlyStopping(false).build();
        int[] asked = new int[1];
        TrainedHead child = head.train(PROBLEM.train(), mask, tiny, 23, TrainingStart.cold().from(parent)
                .checkedBy((done, current) -> {
                    asked[0] = done;
                    return done == 2;
                }));
        if (!head.supportsTrainingStart()) {
            assertEquals(6, child.summary().epochs(), "a provider without training starts trains cold to the end");
            return;
        }
        assertEquals(2, child.summary().epochs());
        assertEquals(2, asked[0]);
        float[] expected = parent.hiddenWeights();
        float[] actual = child.parameters().hiddenWeights();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, "hidden weight " + i + " moved from the parent's");
        }
    }

    @Test
    void logitsMatchTheDenseMaskedOracle() {
        FeatureMask mask = FeatureMask.parse("0110100111".repeat(4));
        TrainedHead head = provider().train(PROBLEM.train(), mask, fast(3), 3);
        float[] logits = new float[PROBLEM.test().size() * 3];
        head.logits(PROBLEM.test().features(), logits);
        double[] expected = ReferenceHead.logits(head.parameters(), PROBLEM.test().features());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], logits[i], tolerance() * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    @Test
    void oneFullBatchStepFollowsTheGradientOfTheMeanLoss() {
        LabelledFeatures data = PROBLEM.train().selectRows(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        FeatureMask mask = FeatureMask.parse("1010011".repeat(5) + "10001");
        float lr = 0.01f;
        TrainingSettings sgd = fast(1).toBuilder().batchSize(data.size()).momentum(0).nesterov(false).decay(0)
                .learningRate(lr).build();
        HeadParameters before = TrainingRandom.of(5).initialParameters(mask, 32, 3);
        HeadParameters after = provider().train(data, mask, sgd, 5).parameters();
        int[][] hiddenProbes = {{0, 0}, {3, 7}, {mask.activeCount() - 1, 31}, {5, 12}};
        for (int[] probe : hiddenProbes) {
            double step = (before.hiddenWeight(probe[0], probe[1]) - after.hiddenWeight(probe[0], probe[1])) / lr;
            double numeric = numericHiddenGradient(before, data, probe[0], probe[1]);
            assertEquals(numeric, step, 2e-3 * Math.max(Math.abs(numeric), 1e-2), "hidden " + probe[0] + "," + probe[1]);
        }
        for (int[] probe : new int[][] {{0, 0}, {17, 2}, {31, 1}}) {
            double step = (before.outputWeight(probe[0], probe[1]) - after.outputWeight(probe[0], probe[1])) / lr;
            double numeric = numericOutputGradient(before, data, probe[0], probe[1]);
            assertEquals(numeric, step, 2e-3 * Math.max(Math.abs(numeric), 1e-2), "output " + probe[0] + "," + probe[1]);
        }
    }

    @Test
    void nesterovMomentumAndTimeBasedDecayFollowTheDocumentedUpdate() {
        LabelledFeatures data = PROBLEM.train().selectRows(20, 21, 22, 23, 24, 25, 26, 27);
        FeatureMask mask = FeatureMask.parse("0011".repeat(10));
        double lr = 0.02;
        double mu = 0.9;
        double decay = 0.5;
        TrainingSettings sgd = fast(1).toBuilder().batchSize(data.size()).momentum(mu).decay(decay)
                .learningRate(lr).earlyStopping(false).build();
        HeadParameters p0 = TrainingRandom.of(13).initialParameters(mask, 32, 3);
        HeadParameters p1 = provider().train(data, mask, sgd, 13).parameters();
        HeadParameters p2 = provider().train(data, mask, sgd.toBuilder().maxEpochs(2).build(), 13).parameters();
        for (int[] probe : new int[][] {{0, 1}, {7, 30}, {12, 4}}) {
            double g0 = numericHiddenGradient(p0, data, probe[0], probe[1]);
            double g1 = numericHiddenGradient(p1, data, probe[0], probe[1]);
            double v1 = -lr * g0;
            double w1 = p0.hiddenWeight(probe[0], probe[1]) + mu * v1 - lr * g0;
            double lr1 = lr / (1 + decay);
            double v2 = mu * v1 - lr1 * g1;
            double w2 = p1.hiddenWeight(probe[0], probe[1]) + mu * v2 - lr1 * g1;
            assertEquals(w1, p1.hiddenWeight(probe[0], probe[1]), 2e-3 * Math.abs(lr * g0) + 1e-7, "step 1");
            assertEquals(w2, p2.hiddenWeight(probe[0], probe[1]), 2e-3 * Math.abs(lr * (g0 + g1)) + 1e-7, "step 2");
        }
    }

    @Test
    void trainingStartsFromTheSharedInitialWeights() {
        FeatureMask mask = FeatureMask.parse("11".repeat(20));
        TrainingSettings frozen = fast(1).toBuilder().learningRate(1e-30).build();
        HeadParameters trained = provider().train(PROBLEM.train(), mask, frozen, 9).parameters();
        HeadParameters initial = TrainingRandom.of(9).initialParameters(mask, 32, 3);
        assertArrayEquals(initial.hiddenWeights(), trained.hiddenWeights(), 1e-6f);
        assertArrayEquals(initial.outputWeights(), trained.outputWeights(), 1e-6f);
    }

    @Test
    void theEmptyMaskYieldsTheDocumentedChanceLevelHead() {
        TrainedHead head = provider().train(PROBLEM.train(), FeatureMask.none(40), fast(5), 4);
        assertEquals(0, head.summary().epochs());
        assertEquals(Math.log(3), head.summary().bestLoss(), 1e-12);
        float[] probabilities = new float[PROBLEM.test().size() * 3];
        head.probabilities(PROBLEM.test().features(), probabilities);
        for (float p : probabilities) {
            assertEquals(1.0 / 3, p, 1e-6);
        }
        for (int predicted : head.predict(PROBLEM.test().features())) {
            assertEquals(0, predicted);
        }
        assertEquals(32 * 3 + 3, head.parameterCount());
    }

    @Test
    void earlyStoppingRestoresTheWeightsOfTheBestEpoch() {
        FeatureMask mask = FeatureMask.all(40);
        TrainingSettings stopping = fast(400).toBuilder().patience(2).minDelta(0.05).build();
        TrainedHead stopped = provider().train(PROBLEM.train(), mask, stopping, 6);
        assertTrue(stopped.summary().stoppedEarly(), stopped.summary()::toString);
        int best = stopped.summary().bestEpoch();
        assertEquals(best + 2, stopped.summary().epochs());
        TrainedHead capped = provider().train(PROBLEM.train(), mask,
                stopping.toBuilder().maxEpochs(best).earlyStopping(false).build(), 6);
        assertEquals(capped.parameters(), stopped.parameters());
        assertFalse(capped.summary().stoppedEarly());
    }

    @Test
    void restoreReproducesTheLogits() {
        FeatureMask mask = FeatureMask.parse("10".repeat(20));
        TrainedHead head = provider().train(PROBLEM.train(), mask, fast(2), 8);
        TrainedHead restored = provider().restore(head.parameters(), head.summary());
        float[] a = new float[PROBLEM.test().size() * 3];
        float[] b = new float[a.length];
        head.logits(PROBLEM.test().features(), a);
        restored.logits(PROBLEM.test().features(), b);
        assertArrayEquals(a, b);
        assertEquals(head.summary(), restored.summary());
    }

    @Test
    void concurrentTrainingGivesTheSequentialHeads() throws Exception {
        List<FeatureMask> masks = List.of(FeatureMask.parse("1".repeat(40)), FeatureMask.parse("10".repeat(20)),
                FeatureMask.parse("0111".repeat(10)), FeatureMask.parse("1100".repeat(10)));
        List<HeadParameters> sequential = new ArrayList<>();
        for (FeatureMask mask : masks) {
            sequential.add(provider().train(PROBLEM.train(), mask, fast(3), 10).parameters());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HeadParameters>> parallel = new ArrayList<>();
            for (FeatureMask mask : masks) {
                parallel.add(pool.submit(() -> provider().train(PROBLEM.train(), mask, fast(3), 10).parameters()));
            }
            for (int i = 0; i < masks.size(); i++) {
                assertEquals(sequential.get(i), parallel.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsAMaskOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().train(PROBLEM.train(), FeatureMask.all(39), fast(1), 1));
        assertTrue(e.getMessage().contains("39") && e.getMessage().contains("40"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyTrainingSplit() {
        LabelledFeatures empty = new LabelledFeatures(FeatureMatrix.wrap(new float[0], 0, 40), ClassLabels.of(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider().train(empty, FeatureMask.all(40), fast(1), 1));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void logitsRejectRowsOfAnotherWidth() {
        TrainedHead head = provider().train(PROBLEM.train(), FeatureMask.all(40), fast(1), 1);
        FeatureMatrix narrow = FeatureMatrix.wrap(new float[10 * 39], 10, 39);
        assertThrows(IllegalArgumentException.class, () -> head.logits(narrow, new float[30]));
    }

    protected static double accuracy(TrainedHead head, LabelledFeatures data) {
        int[] predicted = head.predict(data.features());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.labels().label(i) ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    private static double numericHiddenGradient(HeadParameters p, LabelledFeatures data, int row, int unit) {
        float w = p.hiddenWeight(row, unit);
        float up = w + 1e-3f;
        float down = w - 1e-3f;
        double lossUp = ReferenceHead.meanLoss(ReferenceHead.withHiddenWeight(p, row, unit, up), data);
        double lossDown = ReferenceHead.meanLoss(ReferenceHead.withHiddenWeight(p, row, unit, down), data);
        return (lossUp - lossDown) / ((double) up - down);
    }

    private static double numericOutputGradient(HeadParameters p, LabelledFeatures data, int unit, int cls) {
        float w = p.outputWeight(unit, cls);
        float up = w + 1e-3f;
        float down = w - 1e-3f;
        double lossUp = ReferenceHead.meanLoss(ReferenceHead.withOutputWeight(p, unit, cls, up), data);
        double lossDown = ReferenceHead.meanLoss(ReferenceHead.withOutputWeight(p, unit, cls, down), data);
        return (lossUp - lossDown) / ((double) up - down);
    }
}
