package org.moevoprune.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Argmax and softmax against brute force; small integer scores make ties common. */
class ClassifierProperties {

    @Provide
    Arbitrary<float[]> tieHeavyScores() {
        return Arbitraries.integers().between(-3, 3).map(Integer::floatValue).array(float[].class).ofSize(60);
    }

    @Provide
    Arbitrary<float[]> logits() {
        return Arbitraries.floats().between(-1e4f, 1e4f).array(float[].class).ofSize(60);
    }

    @Property(tries = 300)
    void argmaxIsTheFirstMaximum(@ForAll("tieHeavyScores") float[] scores,
            @ForAll @IntRange(min = 1, max = 12) int columns) {
        int rows = scores.length / columns;
        int[] expected = new int[rows];
        for (int r = 0; r < rows; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < columns; c++) {
                max = Math.max(max, scores[r * columns + c]);
            }
            int first = 0;
            while (scores[r * columns + first] != max) {
                first++;
            }
            expected[r] = first;
        }
        int[] out = new int[rows];
        Classifier.argmaxRows(scores, rows, columns, out);
        assertArrayEquals(expected, out);
    }

    @Property(tries = 300)
    void headProbabilitiesAreTheSoftmaxAndItsArgmaxIsThePrediction(@ForAll("logits") float[] logits,
            @ForAll @IntRange(min = 1, max = 12) int classes) {
        int rows = logits.length / classes;
        FeatureMatrix features = FeatureMatrix.copyOf(java.util.Arrays.copyOf(logits, rows * classes), rows, classes);
        IdentityHead head = new IdentityHead(classes);
        float[] p = new float[rows * classes];
        head.probabilities(features, p);
        int[] argmax = new int[rows];
        Classifier.argmaxRows(features.toArray(), rows, classes, argmax);
        assertArrayEquals(argmax, head.predict(features));
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, logits[r * classes + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(logits[r * classes + j] - max);
            }
            float total = 0;
            for (int j = 0; j < classes; j++) {
                assertEquals(Math.exp(logits[r * classes + j] - max) / sum, p[r * classes + j], 1e-6);
                total += p[r * classes + j];
            }
            assertEquals(1f, total, 1e-5f);
        }
    }
}
