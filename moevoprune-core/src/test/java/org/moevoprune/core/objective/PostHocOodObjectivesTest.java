package org.moevoprune.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.search.Pruner;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.testing.SmallRuns;

/**
 * The energy, maximum-logit, Mahalanobis and k-nearest-neighbour OoD scores against hand-computed cases, and their
 * AUROC objectives against a brute-force AUROC over those scores.
 */
class PostHocOodObjectivesTest {

    private static final double EPS = 1e-12;

    /** AUROC by brute force over all pairs: P(in > ood) + ½ P(in = ood). */
    private static double bruteAuroc(double[] in, double[] ood) {
        double wins = 0;
        for (double a : in) {
            for (double b : ood) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / (in.length * ood.length);
    }

    // The fixture's logits (relu(x0), relu(x2)) of its evaluation and OoD rows.
    private static final double[][] IN_LOGITS = {{2, 1}, {0, 3}, {1, 1}, {3, 0}, {0, 0.5}};
    private static final double[][] OOD_LOGITS = {{0.5, 0.5}, {1, 3}, {4, 0}};

    private static double[] naiveEnergy(double[][] logits, double t) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = t * Math.log(Math.exp(logits[i][0] / t) + Math.exp(logits[i][1] / t));
        }
        return out;
    }

    private static double[] max(double[][] logits) {
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.max(logits[i][0], logits[i][1]);
        }
        return out;
    }

    @Test
    void energyIsTemperatureTimesLogSumExpOfTheScaledLogits() {
        FeatureMatrix logits = FeatureMatrix.of(new float[] {0, (float) Math.log(3)}, new float[] {1000, 1000});
        double[] t1 = LogitScores.negativeEnergy(logits, 1);
        assertEquals(Math.log(4), t1[0], 1e-6);
        assertEquals(1000 + Math.log(2), t1[1], 1e-9, "no overflow at large logits");
        assertEquals(2 * Math.log(1 + Math.sqrt(3)), LogitScores.negativeEnergy(logits, 2)[0], 1e-6);
        assertArrayEquals(new double[] {1, 2.5}, LogitScores.maxLogit(FeatureMatrix.of(new float[] {1, -2, 0.5f},
                new float[] {-3, 2.5f, 2.5f})), EPS);
    }

    @Test
    void energyAndMaxLogitObjectivesAreTheAurocOfTheirScores() {
        EvaluationContext context = ObjectiveFixture.context(ObjectiveFixture.head());
        assertEquals(bruteAuroc(naiveEnergy(IN_LOGITS, 1), naiveEnergy(OOD_LOGITS, 1)),
                new EnergyAuroc().evaluate(context), 1e-12);
        assertEquals(bruteAuroc(naiveEnergy(IN_LOGITS, 5), naiveEnergy(OOD_LOGITS, 5)),
                EnergyAuroc.withTemperature(5).evaluate(context), 1e-12);
        // max logits 2, 3, 1, 3, 0.5 against 0.5, 3, 4: wins 1 + 1.5 + 1 + 1.5 + 0.5 = 5.5 of 15.
        assertEquals(5.5 / 15, new MaxLogitAuroc().evaluate(context), EPS);
        assertEquals(bruteAuroc(max(IN_LOGITS), max(OOD_LOGITS)), new MaxLogitAuroc().evaluate(context), EPS);
    }

    /** Rows of 3 features whose feature 2 is noise the mask {0, 1} must ignore. */
    private static LabelledFeatures train(float[][] active, int... labels) {
        float[][] rows = new float[active.length][];
        for (int i = 0; i < active.length; i++) {
            rows[i] = new float[] {active[i][0], active[i][1], 97f * (i + 1) * (i % 2 == 0 ? 1 : -1)};
        }
        return new LabelledFeatures(FeatureMatrix.of(rows), ClassLabels.of(2, labels));
    }

    private static final FeatureMask FIRST_TWO = FeatureMask.ofIndices(3, 0, 1);

    @Test
    void mahalanobisUsesClassMeansTheTiedCovarianceAndItsShrinkage() {
        // Deviations (±2, 0) and (0, ±1): Σ = diag(2, 0.5); tr Σ / k = 1.25; α = 0.2 gives diag(1.85, 0.65).
        LabelledFeatures train = train(new float[][] {{-2, 0}, {2, 0}, {5, -1}, {5, 1}}, 0, 0, 1, 1);
        FeatureMatrix queries = FeatureMatrix.of(new float[] {1, 1, -500}, new float[] {5, 0, 3},
                new float[] {2.5f, 0, 0});
        double[] s = FeatureScores.mahalanobis(train, FIRST_TWO, 0.2, queries)[0];
        assertEquals(-(1 / 1.85 + 1 / 0.65), s[0], 1e-12);
        assertEquals(0, s[1], 1e-12);
        assertEquals(-6.25 / 1.85, s[2], 1e-12);
        // α = 1: the Euclidean distance to the nearest mean, scaled by the mean variance 1.25.
        assertEquals(-2 / 1.25, FeatureScores.mahalanobis(train, FIRST_TWO, 1, queries)[0][0], 1e-12);
    }

    @Test
    void mahalanobisFollowsCorrelatedFeatures() {
        // All deviations along (1, 1): Σ = [[1, 1], [1, 1]], singular; α = 0.5 gives [[1, .5], [.5, 1]], whose inverse
        // is [[1, -.5], [-.5, 1]] / 0.75. Along the correlation (1, 1) the distance is 4/3, across it (1, -1) it is 4.
        LabelledFeatures train = train(new float[][] {{1, 1}, {-1, -1}, {11, 11}, {9, 9}}, 0, 0, 1, 1);
        double[] s = FeatureScores.mahalanobis(train, FIRST_TWO, 0.5, FeatureMatrix.of(new float[] {1, 1, 0},
                new float[] {1, -1, 0}))[0];
        assertEquals(-4.0 / 3, s[0], 1e-12);
        assertEquals(-4.0, s[1], 1e-12);
    }

    @Test
    void knnIsMinusTheKthNearestDistanceOfNormalisedRows() {
        // Normalised training rows (1, 0), (0, 1), (-1, 0); the query (2, 0) becomes (1, 0): distances 0, √2, 2.
        LabelledFeatures train = train(new float[][] {{3, 0}, {0, 2}, {-1, 0}}, 0, 1, 0);
        FeatureMatrix queries = FeatureMatrix.of(new float[] {2, 0, 42}, new float[] {0, 0, 42});
        assertArrayEquals(new double[] {0, -1}, FeatureScores.knn(train, FIRST_TWO, 1, queries)[0], 1e-12);
        assertArrayEquals(new double[] {-Math.sqrt(2), -1}, FeatureScores.knn(train, FIRST_TWO, 2, queries)[0],
                1e-12);
        assertArrayEquals(new double[] {-2, -1}, FeatureScores.knn(train, FIRST_TWO, 3, queries)[0], 1e-12);
        assertArrayEquals(new double[] {-2, -1}, FeatureScores.knn(train, FIRST_TWO, 50, queries)[0], 1e-12,
                "k beyond n takes the farthest training row");
        assertArrayEquals(new double[] {0, 0}, FeatureScores.knn(train, FeatureMask.none(3), 2, queries)[0], 0);
    }

    @Test
    void quickselectAgreesWithSorting() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[1 + r.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(10);
            }
            double[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            int index = r.nextInt(a.length);
            assertEquals(sorted[index], FeatureScores.select(a.clone(), index));
        }
    }

    @Test
    void featureObjectivesScoreTheActiveFeaturesAgainstTheTrainingSplit() {
        LabelledFeatures train = new LabelledFeatures(FeatureMatrix.of(new float[] {3, 0, 0}, new float[] {0, 0, 2},
                new float[] {1, 0, 1}), ClassLabels.of(2, 0, 1, 1));
        EvaluationContext context = EvaluationContexts.of(ObjectiveFixture.head(), train,
                ObjectiveFixture.evaluation(), ObjectiveFixture.ood());
        double[][] knn = FeatureScores.knn(train, ObjectiveFixture.MASK, 2, ObjectiveFixture.evaluation().features(),
                ObjectiveFixture.ood());
        assertEquals(bruteAuroc(knn[0], knn[1]), KnnAuroc.withNeighbours(2).evaluate(context), EPS);
        double[][] m = FeatureScores.mahalanobis(train, ObjectiveFixture.MASK, 0.01,
                ObjectiveFixture.evaluation().features(), ObjectiveFixture.ood());
        assertEquals(bruteAuroc(m[0], m[1]), new MahalanobisAuroc().evaluate(context), EPS);
        var noTraining = assertThrows(IllegalArgumentException.class,
                () -> new KnnAuroc().evaluate(ObjectiveFixture.context(ObjectiveFixture.head())));
        assertTrue(noTraining.getMessage().contains("'knn-auroc' needs the training split"),
                noTraining.getMessage());
        var noOod = assertThrows(IllegalArgumentException.class, () -> new MaxLogitAuroc().evaluate(
                EvaluationContexts.of(ObjectiveFixture.head(), ObjectiveFixture.evaluation(), null)));
        assertTrue(noOod.getMessage().contains("needs an out-of-distribution split"), noOod.getMessage());
    }

    @Test
    void contextsCarryACheckedTrainingSplit() {
        LabelledFeatures train = new LabelledFeatures(FeatureMatrix.of(new float[] {3, 0, 0}), ClassLabels.of(2, 0));
        EvaluationContext context = EvaluationContexts.of(ObjectiveFixture.head(), train,
                ObjectiveFixture.evaluation(), ObjectiveFixture.ood());
        assertEquals(train, context.training().orElseThrow());
        assertTrue(ObjectiveFixture.context(ObjectiveFixture.head()).training().isEmpty());
        LabelledFeatures narrow = new LabelledFeatures(FeatureMatrix.of(new float[] {3, 0}), ClassLabels.of(2, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> EvaluationContexts.of(ObjectiveFixture.head(),
                narrow, ObjectiveFixture.evaluation(), null));
        assertTrue(e.getMessage().contains("the training split have 2 features but the head reads 3"),
                e.getMessage());
        LabelledFeatures threeClasses = new LabelledFeatures(FeatureMatrix.of(new float[] {3, 0, 0}),
                ClassLabels.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> EvaluationContexts.of(ObjectiveFixture.head(),
                threeClasses, ObjectiveFixture.evaluation(), null));
    }

    @Test
    void providersSettingsAndEquality() {
        Set<String> ids = ProviderRegistry.load(Objective.class).available().stream().map(Objective::id)
                .collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("energy-auroc", "max-logit-auroc", "mahalanobis-auroc", "knn-auroc")),
                ids::toString);
        assertEquals(List.of(new EnergyAuroc(), new KnnAuroc()), Objectives.byIds("energy-auroc", "knn-auroc"));
        assertEquals(EnergyAuroc.withTemperature(1), new EnergyAuroc());
        assertNotEquals(EnergyAuroc.withTemperature(2), new EnergyAuroc());
        assertEquals("KnnAuroc[neighbours=7]", KnnAuroc.withNeighbours(7).toString());
        assertThrows(IllegalArgumentException.class, () -> EnergyAuroc.withTemperature(0));
        assertThrows(IllegalArgumentException.class, () -> MahalanobisAuroc.withShrinkage(0));
        assertThrows(IllegalArgumentException.class, () -> KnnAuroc.withNeighbours(0));
        for (Objective o : List.of(new EnergyAuroc(), new MaxLogitAuroc(), new MahalanobisAuroc(), new KnnAuroc())) {
            assertTrue(o.needsOod(), o.id());
            assertEquals(Objective.Direction.MAXIMIZE, o.direction(), o.id());
        }
    }

    @Test
    void theSearchGivesTheTrainingSplitToTheObjectives() {
        TrainingSettings training = TrainingSettings.builder().hiddenUnits(8).maxEpochs(5).learningRate(0.05)
                .build();
        PruningResult result = Pruner.builder().data(SmallRuns.PROBLEM.train(), SmallRuns.PROBLEM.test(),
                        SmallRuns.PROBLEM.ood()).head(new JavaSparseHead()).training(training)
                .objectives(List.of(new ActiveFraction(), new MahalanobisAuroc(), KnnAuroc.withNeighbours(5)))
                .populationSize(4).evaluations(6).seed(5).build().run();
        assertEquals(List.of("active-fraction", "mahalanobis-auroc", "knn-auroc"), result.objectiveIds());
        result.front().members().forEach(e -> {
            assertTrue(e.value(1) >= 0 && e.value(1) <= 1, e.toString());
            assertTrue(e.value(2) >= 0 && e.value(2) <= 1, e.toString());
        });
    }
}
