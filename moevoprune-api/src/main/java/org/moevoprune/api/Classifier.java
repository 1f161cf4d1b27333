package org.moevoprune.api;

import java.util.Objects;

/**
 * Anything that assigns classes to feature rows: a {@link TrainedHead}, or an {@link Ensemble} of them.
 *
 * <p>Implementations are immutable and thread-safe; methods write into caller-supplied buffers so that a hot loop
 * allocates nothing.
 */
public interface Classifier {

    /** @return the number of input features {@code F} each row must have */
    int featureCount();

    /** @return the number of classes {@code C} */
    int classCount();

    /**
     * Class scores that sum to 1 per row: softmax probabilities for a head, vote shares or mean probabilities for an
     * ensemble.
     *
     * @param features rows with {@link #featureCount()} columns
     * @param out receives {@code rows × C} values, row-major
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     * @throws IndexOutOfBoundsException if {@code out} is too small
     */
    void probabilities(FeatureMatrix features, float[] out);

    /**
     * The predicted class of each row: the highest score, ties to the smallest class index.
     *
     * @param features rows with {@link #featureCount()} columns
     * @param out receives one class per row
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     * @throws IndexOutOfBoundsException if {@code out} is too small
     */
    default void predict(FeatureMatrix features, int[] out) {
        float[] scores = new float[Math.multiplyExact(features.rows(), classCount())];
        probabilities(features, scores);
        argmaxRows(scores, features.rows(), classCount(), out);
    }

    /**
     * @param features rows with {@link #featureCount()} columns
     * @return the predicted class of each row
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     */
    default int[] predict(FeatureMatrix features) {
        int[] out = new int[features.rows()];
        predict(features, out);
        return out;
    }

    /**
     * Row-wise argmax with ties to the smallest index.
     *
     * @param scores {@code rows × columns} values, row-major
     * @param rows the number of rows
     * @param columns the number of columns, ≥ 1
     * @param out receives the argmax of each row
     * @throws IllegalArgumentException if {@code columns < 1}
     * @throws IndexOutOfBoundsException if {@code rows} is negative or an array is too small
     */
    static void argmaxRows(float[] scores, int rows, int columns, int[] out) {
        if (columns < 1) {
            throw new IllegalArgumentException("argmax needs at least one column (class), got " + columns);
        }
        Objects.checkFromIndexSize(0, rows, out.length);
        Objects.checkFromIndexSize(0, Math.multiplyExact(rows, columns), scores.length);
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            int best = 0;
            for (int c = 1; c < columns; c++) {
                if (scores[base + c] > scores[base + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
    }

    /**
     * Row-wise softmax in place, computed stably: the row's maximum subtracted, the sum in double.
     *
     * @param values {@code rows × columns} logits, row-major; overwritten with probabilities
     * @param rows the number of rows
     * @param columns the number of columns, ≥ 1
     */
    static void softmaxRows(float[] values, int rows, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("softmax needs at least one column, got " + columns);
        }
        Objects.checkFromIndexSize(0, Math.multiplyExact(rows, columns), values.length);
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            float max = values[base];
            for (int j = 1; j < columns; j++) {
                max = Math.max(max, values[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < columns; j++) {
                sum += Math.exp(values[base + j] - max);
            }
            for (int j = 0; j < columns; j++) {
                values[base + j] = (float) (Math.exp(values[base + j] - max) / sum);
            }
        }
    }
}
