package org.moevoprune.core.ensemble;

import java.util.Objects;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.metric.OdinScores;

/**
 * What one member says about a set of rows, computed from a single forward pass: its logits, its predictions
 * (argmax, ties to the smallest class, as {@link TrainedHead#predict}) and its softmax probabilities (computed
 * exactly as {@link TrainedHead#probabilities}'s default). Every ensemble in this package combines these, so the
 * {@link VotingClassifier} and the {@link EnsembleComparison} give the same numbers by construction. Immutable once
 * built; confined to package code that never modifies the arrays.
 */
final class MemberOutputs {

    final int rows;
    final int classes;
    final float[] logits;
    final int[] predictions;
    final float[] probabilities;

    private MemberOutputs(int rows, int classes, float[] logits) {
        this.rows = rows;
        this.classes = classes;
        this.logits = logits;
        this.predictions = new int[rows];
        Classifier.argmaxRows(logits, rows, classes, predictions);
        this.probabilities = softmax(logits, rows, classes);
    }

    /**
     * @param head the member
     * @param features rows with the member's feature count
     * @return the member's outputs
     * @throws IllegalStateException if the member produced a non-finite logit
     */
    static MemberOutputs of(TrainedHead head, FeatureMatrix features) {
        Objects.requireNonNull(head, "member");
        int classes = head.classCount();
        float[] logits = new float[Math.multiplyExact(features.rows(), classes)];
        head.logits(features, logits);
        for (int i = 0; i < logits.length; i++) {
            if (!Float.isFinite(logits[i])) {
                throw new IllegalStateException("ensemble member " + head + " produced a non-finite logit ("
                        + logits[i] + ") for row " + i / classes + ": drop that member or scale the features down");
            }
        }
        return new MemberOutputs(features.rows(), classes, logits);
    }

    /**
     * @param temperature the ODIN temperature
     * @return the member's ODIN score of each row (max softmax of {@code logits / T})
     */
    double[] odinScores(double temperature) {
        return OdinScores.maxSoftmax(FeatureMatrix.wrap(logits, rows, classes), temperature);
    }

    /** Row-wise softmax of a copy, bit for bit the default of {@link TrainedHead#probabilities}. */
    private static float[] softmax(float[] logits, int rows, int c) {
        float[] out = logits.clone();
        Classifier.softmaxRows(out, rows, c);
        return out;
    }
}
