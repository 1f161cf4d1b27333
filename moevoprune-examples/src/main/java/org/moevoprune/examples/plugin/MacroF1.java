package org.moevoprune.examples.plugin;

import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.Objective;

/**
 * An example {@link Objective} plugin: the macro-averaged F1 score on the evaluation split, the mean over classes
 * of {@code 2·precision·recall / (precision + recall)} (a class never predicted and never present counts 1; one
 * present but never predicted counts 0). Useful when classes are imbalanced and accuracy hides a neglected class.
 *
 * <p>Registered in {@code META-INF/services/org.moevoprune.api.Objective}, so
 * {@code Objectives.byIds("accuracy", "macro-f1", "active-fraction")} finds it. It reuses the evaluation logits
 * that the context computed once for all objectives. Immutable and thread-safe.
 */
public final class MacroF1 implements Objective {

    /** The objective id. */
    public static final String ID = "macro-f1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Direction direction() {
        return Direction.MAXIMIZE;
    }

    @Override
    public double evaluate(EvaluationContext context) {
        FeatureMatrix logits = context.evaluationLogits();
        int[] predicted = new int[logits.rows()];
        Classifier.argmaxRows(logits.toArray(), logits.rows(), logits.columns(), predicted);
        return macroF1(predicted, context.evaluation().labels());
    }

    /**
     * @param predicted one predicted class per sample
     * @param truth the true classes
     * @return the macro-averaged F1 score in [0, 1]
     */
    public static double macroF1(int[] predicted, ClassLabels truth) {
        int classes = truth.classCount();
        int[] truePositive = new int[classes];
        int[] predictedCount = new int[classes];
        int[] actualCount = truth.counts();
        for (int i = 0; i < predicted.length; i++) {
            predictedCount[predicted[i]]++;
            if (predicted[i] == truth.label(i)) {
                truePositive[predicted[i]]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            int denominator = predictedCount[c] + actualCount[c];
            sum += denominator == 0 ? 1.0 : 2.0 * truePositive[c] / denominator;
        }
        return sum / classes;
    }

    @Override
    public String toString() {
        return "MacroF1";
    }
}
