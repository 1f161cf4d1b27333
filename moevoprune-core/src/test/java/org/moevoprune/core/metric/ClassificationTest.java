package org.moevoprune.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.testkit.LoopHead;

/** {@link Classification}: accuracy, confusion matrix and argmax with ties to the smallest class. */
class ClassificationTest {

    private static final ClassLabels TRUTH = ClassLabels.of(3, 0, 0, 1, 2, 2, 2);

    @Test
    void accuracyCountsMatches() {
        assertEquals(4.0 / 6, Classification.accuracy(new int[] {0, 1, 1, 2, 0, 2}, TRUTH), 0.0);
        assertEquals(1.0, Classification.accuracy(TRUTH.toArray(), TRUTH), 0.0);
    }

    @Test
    void confusionIsTruthByPrediction() {
        int[][] confusion = Classification.confusion(new int[] {0, 1, 1, 2, 0, 2}, TRUTH);
        assertArrayEquals(new int[] {1, 1, 0}, confusion[0]);
        assertArrayEquals(new int[] {0, 1, 0}, confusion[1]);
        assertArrayEquals(new int[] {1, 0, 2}, confusion[2]);
    }

    @Test
    void argmaxBreaksTiesTowardsTheSmallestClass() {
        FeatureMatrix scores = FeatureMatrix.of(new float[] {1, 3, 3}, new float[] {2, 2, 2}, new float[] {0, -1, 5});
        assertArrayEquals(new int[] {1, 0, 2}, Classification.argmaxRows(scores));
    }

    @Test
    void accuracyOfAClassifierPredictsTheSplit() {
        // one active feature x0, one hidden unit w = 1, logits (0, relu(x0) − 1): class 1 iff x0 > 1
        FeatureMask mask = FeatureMask.ofIndices(2, 0);
        LoopHead head = new LoopHead(HeadParameters.copyOf(mask, 1, 2, new float[] {1}, new float[] {0, 1},
                new float[] {0, -1}));
        FeatureMatrix features = FeatureMatrix.of(new float[] {0.5f, 9}, new float[] {2, 9}, new float[] {3, -9},
                new float[] {1, 0});
        LabelledFeatures data = new LabelledFeatures(features, ClassLabels.of(2, 0, 1, 0, 0));
        // predictions 0, 1, 1, 0 (x0 = 1 ties → class 0)
        assertEquals(0.75, Classification.accuracy(head, data), 0.0);
    }

    @Test
    void rejectsMismatchedEmptyAndOutOfRangeInput() {
        assertMessage("2 predictions but 6 labels", () -> Classification.accuracy(new int[] {0, 1}, TRUTH));
        assertMessage("no samples", () -> Classification.confusion(new int[0], ClassLabels.of(2)));
        assertMessage("prediction 3 of sample 1 is outside [0, 3)",
                () -> Classification.confusion(new int[] {0, 3, 0, 0, 0, 0}, TRUTH));
        LoopHead head = LoopHead.random(FeatureMask.all(3), 2, 2, 1, 1);
        LabelledFeatures wrongWidth = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 2}), ClassLabels.of(2, 0));
        assertMessage("split has 2 features but the classifier reads 3",
                () -> Classification.accuracy(head, wrongWidth));
        LabelledFeatures wrongClasses = new LabelledFeatures(FeatureMatrix.of(new float[] {1, 2, 3}),
                ClassLabels.of(3, 0));
        assertMessage("split has 3 classes but the classifier predicts 2",
                () -> Classification.accuracy(head, wrongClasses));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
