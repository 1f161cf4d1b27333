package org.moevoprune.core.objective;

import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.testkit.LoopHead;

/**
 * A hand-computable head: 3 features, features 0 and 2 active, identity weights, so that
 * {@code logits = (relu(x0), relu(x2))} and the ODIN score of a row depends only on {@code |relu(x0) − relu(x2)|}.
 */
final class ObjectiveFixture {

    static final FeatureMask MASK = FeatureMask.ofIndices(3, 0, 2);

    /** Logit gaps 1, 3, 0 (a tie → class 0), 3, 0.5; predictions 0, 1, 0, 0, 1; labels 0, 1, 1, 1, 1. */
    static final float[][] EVALUATION_ROWS = {{2, 9, 1}, {0, 9, 3}, {1, 0, 1}, {3, 0, 0}, {0, 0, 0.5f}};
    static final int[] EVALUATION_LABELS = {0, 1, 1, 1, 1};
    static final double[] EVALUATION_GAPS = {1, 3, 0, 3, 0.5};

    /** Logit gaps 0, 2, 4. */
    static final float[][] OOD_ROWS = {{0.5f, 9, 0.5f}, {1, 0, 3}, {4, 0, 0}};
    static final double[] OOD_GAPS = {0, 2, 4};

    private ObjectiveFixture() {
    }

    static LoopHead head() {
        return new LoopHead(HeadParameters.copyOf(MASK, 2, 2, new float[] {1, 0, 0, 1}, new float[] {1, 0, 0, 1},
                new float[] {0, 0}));
    }

    static LabelledFeatures evaluation() {
        return new LabelledFeatures(FeatureMatrix.of(EVALUATION_ROWS), ClassLabels.of(2, EVALUATION_LABELS));
    }

    static FeatureMatrix ood() {
        return FeatureMatrix.of(OOD_ROWS);
    }

    static EvaluationContext context(LoopHead head) {
        return EvaluationContexts.of(head, evaluation(), ood());
    }

    /** The two-class ODIN score of a logit gap, computed independently: {@code 1 / (1 + e^(−gap/T))}. */
    static double[] odin(double[] gaps, double temperature) {
        double[] scores = new double[gaps.length];
        for (int i = 0; i < gaps.length; i++) {
            scores[i] = 1 / (1 + Math.exp(-gaps[i] / temperature));
        }
        return scores;
    }
}
