package org.moevoprune.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.testkit.LoopHead;

/** {@link OdinScores}: temperature-scaled max softmax, and the input perturbation against finite differences. */
class OdinScoresTest {

    private static final FeatureMask MASK = FeatureMask.ofIndices(7, 0, 2, 3, 6);
    private static final LoopHead HEAD = LoopHead.random(MASK, 6, 4, 1.0, 11);

    @Test
    void maxSoftmaxOfKnownLogits() {
        float ln3 = (float) Math.log(3);
        FeatureMatrix logits = FeatureMatrix.of(new float[] {0, ln3, -50}, new float[] {5, 5, 5});
        double[] scores = OdinScores.maxSoftmax(logits, 1.0);
        // row 0: e^0 : e^ln3 : e^-50 ≈ 1 : 3 : 0 → 3/4
        assertEquals(0.75, scores[0], 1e-7);
        assertEquals(1.0 / 3, scores[1], 1e-15);
        FeatureMatrix scaled = FeatureMatrix.of(new float[] {0, 1000 * ln3});
        assertEquals(0.75, OdinScores.maxSoftmax(scaled, 1000)[0], 1e-6);
    }

    @Test
    void maxSoftmaxIsStableForHugeLogits() {
        FeatureMatrix logits = FeatureMatrix.of(new float[] {8e4f, 0}, new float[] {-8e4f, -8e4f});
        assertArrayEquals(new double[] {1.0, 0.5}, OdinScores.maxSoftmax(logits, 1.0), 0.0);
    }

    @Test
    void rejectsBadTemperatures() {
        FeatureMatrix logits = FeatureMatrix.of(new float[] {1, 2});
        for (double t : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OdinScores.maxSoftmax(logits, t));
            assertTrue(e.getMessage().contains("temperature must be > 0"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 3.0, 1000.0})
    void gradientMatchesCentralFiniteDifferences(double temperature) {
        FeatureMatrix features = LoopHead.gaussianFeatures(12, 7, 0.0, 5);
        OdinGradient odin = new OdinGradient(HEAD.parameters());
        double[] gradient = new double[MASK.activeCount()];
        int nonZero = 0;
        for (int r = 0; r < features.rows(); r++) {
            odin.gradient(features.row(r), temperature, gradient);
            double[] x = toDouble(features.row(r));
            int predicted = argmax(HEAD.logitsOf(x));
            for (int i = 0; i < gradient.length; i++) {
                double numeric = centralDifference(x, MASK.activeIndex(i), predicted, temperature);
                assertEquals(numeric, gradient[i], 1e-6 * Math.abs(numeric) + 1e-10,
                        "row " + r + ", active feature " + i);
                nonZero += gradient[i] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > features.rows() * MASK.activeCount() / 2, "most gradients should be non-zero");
    }

    @Test
    void perturbationStepsAgainstTheGradientSignOnActiveColumnsOnly() {
        FeatureMatrix features = LoopHead.gaussianFeatures(9, 7, 0.0, 6);
        double epsilon = 0.125;
        FeatureMatrix perturbed = OdinScores.perturb(HEAD, features, 2.0, epsilon);
        OdinGradient odin = new OdinGradient(HEAD.parameters());
        double[] gradient = new double[MASK.activeCount()];
        for (int r = 0; r < features.rows(); r++) {
            odin.gradient(features.row(r), 2.0, gradient);
            for (int j = 0; j < 7; j++) {
                int rank = java.util.Arrays.binarySearch(MASK.activeIndices(), j);
                double step = rank >= 0 ? -epsilon * Math.signum(gradient[rank]) : 0.0;
                assertEquals((float) (features.get(r, j) + step), perturbed.get(r, j), 0.0, "row " + r + " col " + j);
            }
        }
    }

    @Test
    void zeroEpsilonReturnsTheInput() {
        FeatureMatrix features = LoopHead.gaussianFeatures(3, 7, 0.0, 7);
        assertSame(features, OdinScores.perturb(HEAD, features, 1000, 0.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1000.0})
    void perturbationRaisesTheMeanScore(double temperature) {
        FeatureMatrix features = LoopHead.gaussianFeatures(200, 7, 0.5, 8);
        FeatureMatrix perturbed = OdinScores.perturb(HEAD, features, temperature, 0.01);
        double[] before = OdinScores.maxSoftmax(HEAD.logits(features), temperature);
        double[] after = OdinScores.maxSoftmax(HEAD.logits(perturbed), temperature);
        assertTrue(mean(after) > mean(before), () -> mean(after) + " ≤ " + mean(before));
        long raised = java.util.stream.IntStream.range(0, before.length).filter(i -> after[i] > before[i]).count();
        assertTrue(raised > 0.9 * before.length, () -> "only " + raised + " of " + before.length + " rows raised");
    }

    @Test
    void perturbRejectsMismatchedFeaturesAndBadEpsilon() {
        FeatureMatrix narrow = LoopHead.gaussianFeatures(2, 5, 0.0, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OdinScores.perturb(HEAD, narrow, 1, 0.1));
        assertTrue(e.getMessage().contains("features have 5 columns but the head reads 7"), e.getMessage());
        FeatureMatrix features = LoopHead.gaussianFeatures(2, 7, 0.0, 9);
        for (double epsilon : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> OdinScores.perturb(HEAD, features, 1, epsilon));
            assertTrue(bad.getMessage().contains("ε must be ≥ 0"), bad.getMessage());
        }
    }

    /** {@code ∂/∂x_j −log softmax(l(x)/T)_ŷ} by central differences, ŷ held fixed. */
    private static double centralDifference(double[] x, int feature, int predicted, double temperature) {
        double h = 1e-5;
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[feature] += h;
        minus[feature] -= h;
        return (loss(plus, predicted, temperature) - loss(minus, predicted, temperature)) / (2 * h);
    }

    private static double loss(double[] x, int predicted, double temperature) {
        double[] logits = HEAD.logitsOf(x);
        double max = logits[argmax(logits)];
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp((l - max) / temperature);
        }
        return Math.log(sum) - (logits[predicted] - max) / temperature;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
