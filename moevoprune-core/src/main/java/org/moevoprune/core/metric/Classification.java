package org.moevoprune.core.metric;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.moevoprune.api.ClassLabels;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;

/**
 * Classification metrics over predicted class indices: accuracy and the confusion matrix, plus the row-wise argmax
 * that turns logits into predictions (ties to the smallest class, as everywhere in moevoprune).
 *
 * <p>Stateless and thread-safe; inputs are never modified.
 */
public final class Classification {

    private Classification() {
    }

    /**
     * The share of samples whose predicted class equals the true class.
     *
     * @param predicted one predicted class per sample, each in {@code [0, truth.classCount())}
     * @param truth the true classes
     * @return the accuracy in {@code [0, 1]}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are no samples, the counts differ or a prediction is out of range
     */
    public static double accuracy(int[] predicted, ClassLabels truth) {
        check(predicted, truth);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == truth.label(i)) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /**
     * The accuracy of a classifier's {@link Classifier#predict(FeatureMatrix) predictions} on a labelled split.
     *
     * @param classifier a head or an ensemble
     * @param data the labelled samples, at least one, with {@code classifier.featureCount()} features
     * @return the accuracy in {@code [0, 1]}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the split is empty or its feature or class count differs from the
     *     classifier's
     */
    public static double accuracy(Classifier classifier, LabelledFeatures data) {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(data, "data");
        if (data.featureCount() != classifier.featureCount()) {
            throw new IllegalArgumentException("the split has " + data.featureCount() + " features but the"
                    + " classifier reads " + classifier.featureCount() + ": evaluate on features of the same backbone");
        }
        if (data.classCount() != classifier.classCount()) {
            throw new IllegalArgumentException("the split has " + data.classCount() + " classes but the classifier"
                    + " predicts " + classifier.classCount() + ": evaluate on labels of the data set it was trained on");
        }
        return accuracy(classifier.predict(data.features()), data.labels());
    }

    /**
     * The confusion matrix: {@code result[t][p]} counts the samples of true class {@code t} predicted as {@code p};
     * rows sum to the class counts of {@code truth}, the diagonal holds the correct predictions.
     *
     * @param predicted one predicted class per sample, each in {@code [0, truth.classCount())}
     * @param truth the true classes
     * @return a new {@code C × C} matrix
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are no samples, the counts differ or a prediction is out of range
     */
    public static int[][] confusion(int[] predicted, ClassLabels truth) {
        check(predicted, truth);
        int[][] counts = new int[truth.classCount()][truth.classCount()];
        for (int i = 0; i < predicted.length; i++) {
            counts[truth.label(i)][predicted[i]]++;
        }
        return counts;
    }

    /**
     * The column of the largest value of each row, ties to the smallest column: the predicted classes of a matrix
     * of logits or probabilities.
     *
     * @param scores one row per sample, at least one column
     * @return one column index per row
     * @throws NullPointerException if {@code scores} is null
     * @throws IllegalArgumentException if the matrix has rows but no columns
     */
    public static int[] argmaxRows(FeatureMatrix scores) {
        Objects.requireNonNull(scores, "scores");
        int columns = scores.columns();
        if (columns < 1 && scores.rows() > 0) {
            throw new IllegalArgumentException("scores have " + scores.rows() + " rows but no columns: pass one"
                    + " column per class");
        }
        FloatBuffer values = scores.asBuffer();
        int[] out = new int[scores.rows()];
        for (int r = 0; r < out.length; r++) {
            int base = r * columns;
            int best = 0;
            for (int c = 1; c < columns; c++) {
                if (values.get(base + c) > values.get(base + best)) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    private static void check(int[] predicted, ClassLabels truth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(truth, "truth");
        if (predicted.length != truth.size()) {
            throw new IllegalArgumentException("there are " + predicted.length + " predictions but " + truth.size()
                    + " labels: predict exactly the labelled samples");
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("there are no samples: classification metrics need at least one"
                    + " labelled sample (is the evaluation split empty?)");
        }
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] < 0 || predicted[i] >= truth.classCount()) {
                throw new IllegalArgumentException("prediction " + predicted[i] + " of sample " + i + " is outside"
                        + " [0, " + truth.classCount() + "): predictions must be class indices of the labels");
            }
        }
    }
}
