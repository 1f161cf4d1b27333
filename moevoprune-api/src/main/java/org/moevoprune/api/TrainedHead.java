package org.moevoprune.api;

/**
 * A head trained by a {@link SparseHead} for one {@link FeatureMask}: immutable and thread-safe.
 *
 * <p>It reads full-width feature rows ({@link #featureCount()} = the mask's length) and uses only the active
 * columns. Logits of several splits can be computed concurrently from several threads.
 */
public interface TrainedHead extends Classifier {

    /** @return the candidate this head was trained for */
    FeatureMask mask();

    /** @return the weights, the portable form of this head */
    HeadParameters parameters();

    /** @return how training went */
    TrainingSummary summary();

    /** @return the {@link Provider#id()} of the {@link SparseHead} that made this head */
    String provider();

    /** @return {@code k·H + H·C + C}: the parameters a physically pruned head stores */
    default long parameterCount() {
        return parameters().parameterCount();
    }

    @Override
    default int featureCount() {
        return mask().length();
    }

    @Override
    default int classCount() {
        return parameters().classCount();
    }

    /**
     * The logits (pre-softmax outputs) of each row.
     *
     * @param features rows with {@link #featureCount()} columns
     * @param out receives {@code rows × C} values, row-major
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     * @throws IndexOutOfBoundsException if {@code out} is too small
     */
    void logits(FeatureMatrix features, float[] out);

    /**
     * @param features rows with {@link #featureCount()} columns
     * @return the {@code rows × C} logits as a matrix
     * @throws IllegalArgumentException if the column count differs from {@link #featureCount()}
     * @throws IllegalStateException if a logit is NaN or infinite (the head or the features overflow)
     */
    default FeatureMatrix logits(FeatureMatrix features) {
        float[] out = new float[Math.multiplyExact(features.rows(), classCount())];
        logits(features, out);
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) {
                throw new IllegalStateException("the head produced a non-finite logit (" + out[i] + ") for row "
                        + i / classCount() + ": its weights or the features overflow float range; scale the "
                        + "features down or check the training summary (" + summary() + ")");
            }
        }
        return FeatureMatrix.wrap(out, features.rows(), classCount());
    }

    /** Softmax of {@link #logits(FeatureMatrix, float[])}, computed stably (max subtracted). */
    @Override
    default void probabilities(FeatureMatrix features, float[] out) {
        logits(features, out);
        Classifier.softmaxRows(out, features.rows(), classCount());
    }

    /** The argmax of the logits, ties to the smallest class index. */
    @Override
    default void predict(FeatureMatrix features, int[] out) {
        float[] logits = new float[Math.multiplyExact(features.rows(), classCount())];
        logits(features, logits);
        Classifier.argmaxRows(logits, features.rows(), classCount(), out);
    }
}
