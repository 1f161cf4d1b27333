package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Classifier#argmaxRows} and the default methods of {@link TrainedHead} and {@link Classifier}. */
class ClassifierTest {

    @Test
    void argmaxTiesGoToTheSmallestIndex() {
        float[] scores = {
            1, 3, 3, 2,
            5, 5, 5, 5,
            -4, -1, -1, -9,
            0, 0, 0, 7,
            Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, -3e38f, -3e38f};
        int[] out = new int[6];
        out[5] = -1;
        Classifier.argmaxRows(scores, 5, 4, out);
        assertArrayEquals(new int[] {1, 0, 1, 3, 2, -1}, out);
        int[] single = new int[2];
        Classifier.argmaxRows(new float[] {9, -9}, 2, 1, single);
        assertArrayEquals(new int[] {0, 0}, single);
    }

    @Test
    void argmaxChecksItsArguments() {
        IllegalArgumentException noColumns = assertThrows(IllegalArgumentException.class,
                () -> Classifier.argmaxRows(new float[0], 3, 0, new int[3]));
        assertTrue(noColumns.getMessage().contains("got 0"), noColumns.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Classifier.argmaxRows(new float[4], 2, 2, new int[1]));
        assertThrows(IndexOutOfBoundsException.class, () -> Classifier.argmaxRows(new float[3], 2, 2, new int[2]));
        Classifier.argmaxRows(new float[0], 0, 3, new int[0]);
    }

    @Test
    void headDefaultsComeFromMaskAndParameters() {
        IdentityHead head = new IdentityHead(3);
        assertEquals(3, head.featureCount());
        assertEquals(3, head.classCount());
        assertEquals(3 * 1 + 1 * 3 + 3, head.parameterCount()); // k·H + H·C + C with k = C = 3, H = 1
        assertEquals(head.parameters().parameterCount(), head.parameterCount());
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogits() {
        float[] logits = {1, 2, 3, -0.5f, 0, 0.5f};
        float[] probabilities = new float[6];
        new IdentityHead(3).probabilities(FeatureMatrix.copyOf(logits, 2, 3), probabilities);
        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += Math.exp(logits[3 * r + j]);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(Math.exp(logits[3 * r + j]) / sum, probabilities[3 * r + j], 1e-7);
            }
        }
        assertEquals(0.09003057f, probabilities[0], 1e-7f);
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        float[] logits = {
            1e4f, 0, -1e4f,
            1e4f, 1e4f, -1e4f,
            -1e4f, -1e4f, -1e4f,
            3e38f, -3e38f, 0,
            1e4f + 1, 1e4f, 1e4f};
        float[] p = new float[logits.length];
        new IdentityHead(3).probabilities(FeatureMatrix.copyOf(logits, 5, 3), p);
        for (int r = 0; r < 5; r++) {
            float sum = 0;
            for (int j = 0; j < 3; j++) {
                assertTrue(Float.isFinite(p[3 * r + j]) && p[3 * r + j] >= 0, "row " + r + ": " + p[3 * r + j]);
                sum += p[3 * r + j];
            }
            assertEquals(1f, sum, 1e-6f, "row " + r);
        }
        assertArrayEquals(new float[] {1, 0, 0}, slice(p, 0));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0}, slice(p, 1));
        assertArrayEquals(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, slice(p, 2), 1e-7f);
        assertArrayEquals(new float[] {1, 0, 0}, slice(p, 3));
        double e = Math.E;
        assertArrayEquals(new float[] {(float) (e / (e + 2)), (float) (1 / (e + 2)), (float) (1 / (e + 2))},
                slice(p, 4), 1e-6f);
    }

    @Test
    void headPredictsTheArgmaxOfTheLogits() {
        float[] logits = {0.1f, 0.7f, 0.2f, 2, 2, 1, -1, -2, -1, 0, 0, 5};
        FeatureMatrix features = FeatureMatrix.copyOf(logits, 4, 3);
        IdentityHead head = new IdentityHead(3);
        assertArrayEquals(new int[] {1, 0, 0, 2}, head.predict(features));
        int[] out = new int[5];
        out[4] = 9;
        head.predict(features, out);
        assertArrayEquals(new int[] {1, 0, 0, 2, 9}, out);
    }

    /** Logits 1e-9 apart give equal float probabilities; the head still decides by the logits. */
    @Test
    void headPredictionResolvesTiesThatOnlyTheProbabilitiesHave() {
        FeatureMatrix features = FeatureMatrix.copyOf(new float[] {0, 1e-9f}, 1, 2);
        IdentityHead head = new IdentityHead(2);
        float[] p = new float[2];
        head.probabilities(features, p);
        assertEquals(p[0], p[1]);
        assertArrayEquals(new int[] {1}, head.predict(features));
    }

    @Test
    void logitsAsAMatrix() {
        FeatureMatrix features = FeatureMatrix.copyOf(new float[] {1, 2, 3, 4}, 2, 2);
        FeatureMatrix logits = new IdentityHead(2).logits(features);
        assertEquals(features, logits);
        assertEquals(0, new IdentityHead(2).logits(FeatureMatrix.copyOf(new float[0], 0, 2)).rows());
    }

    @Test
    void classifierDefaultPredictsTheArgmaxOfItsScores() {
        Classifier votes = new Classifier() {
            @Override
            public int featureCount() {
                return 1;
            }

            @Override
            public int classCount() {
                return 3;
            }

            @Override
            public void probabilities(FeatureMatrix features, float[] out) {
                float[] shares = {0.25f, 0.5f, 0.25f, 0.4f, 0.2f, 0.4f};
                System.arraycopy(shares, 0, out, 0, features.rows() * 3);
            }
        };
        assertArrayEquals(new int[] {1, 0}, votes.predict(FeatureMatrix.copyOf(new float[2], 2, 1)));
    }

    private static float[] slice(float[] values, int row) {
        return java.util.Arrays.copyOfRange(values, 3 * row, 3 * row + 3);
    }
}
