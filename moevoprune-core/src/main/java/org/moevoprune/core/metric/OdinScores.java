package org.moevoprune.core.metric;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;

/**
 * ODIN out-of-distribution scores (Liang, Li and Srikant, "Enhancing the reliability of out-of-distribution image
 * detection in neural networks", ICLR 2018): the maximum softmax probability of temperature-scaled logits, optionally
 * after a small input perturbation that raises it. In-distribution samples tend to score higher, so the scores feed
 * {@link OodMetrics} directly.
 *
 * <p>MO-EvoPruneDeepTL uses temperature {@code T = 1000} and no perturbation. Because the backbone is frozen, the
 * perturbation here is applied to the cached feature vectors (the head's input), not to the images.
 *
 * <p>Stateless and thread-safe; computation is in double.
 */
public final class OdinScores {

    /** The temperature of the reference implementation. */
    public static final double REFERENCE_TEMPERATURE = 1000.0;

    private OdinScores() {
    }

    /**
     * The ODIN score of each row: {@code max_j softmax(l / T)_j = 1 / Σ_j exp((l_j − max l) / T)}, computed stably.
     *
     * @param logits one row of {@code C ≥ 1} logits per sample
     * @param temperature {@code T > 0}, finite; 1 gives the plain maximum softmax probability
     * @return one score per row, in {@code [1/C, 1]}
     * @throws NullPointerException if {@code logits} is null
     * @throws IllegalArgumentException if {@code temperature} is not positive and finite or the logits have no columns
     */
    public static double[] maxSoftmax(FeatureMatrix logits, double temperature) {
        Objects.requireNonNull(logits, "logits");
        requireTemperature(temperature);
        int classes = logits.columns();
        if (classes < 1 && logits.rows() > 0) {
            throw new IllegalArgumentException("logits have " + logits.rows() + " rows but no columns: pass one"
                    + " column per class");
        }
        FloatBuffer values = logits.asBuffer();
        double[] scores = new double[logits.rows()];
        for (int r = 0; r < scores.length; r++) {
            int base = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, values.get(base + c));
            }
            double sum = 0.0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp((values.get(base + c) - max) / temperature);
            }
            scores[r] = 1.0 / sum;
        }
        return scores;
    }

    /**
     * ODIN's input perturbation on feature rows: each row moves by {@code ε} against the sign of the gradient of the
     * loss {@code −log softmax(logits / T)_ŷ}, where {@code ŷ} is the row's predicted class (argmax of the logits,
     * ties to the smallest class), i.e. {@code x̃ = x − ε·sign(∇ₓ loss)} with {@code sign(0) = 0}. This raises the
     * temperature-scaled softmax of the predicted class, more so for in-distribution samples.
     *
     * <p>The gradient is that of the head's {@link TrainedHead#parameters() parameters}: with the active features
     * {@code x_a}, {@code z = x_a·W1}, {@code l = relu(z)·W2 + b} and {@code s = softmax(l/T)},
     * {@code ∇_l = (s − onehot(ŷ))/T}, {@code ∇_z = (W2·∇_l) ⊙ [z > 0]} and {@code ∇_{x_a} = W1·∇_z}. Inactive
     * columns have a zero gradient and are returned unchanged. Perturbed values are rounded to {@code float}.
     *
     * @param head the trained head whose loss is differentiated
     * @param features full-width rows, {@code head.featureCount()} columns
     * @param temperature {@code T > 0}, finite
     * @param epsilon the step {@code ε ≥ 0}, finite; 0 returns {@code features} itself
     * @return the perturbed rows, a new matrix of the same shape (or {@code features} when {@code ε = 0})
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the column count differs from the head's feature count, if
     *     {@code temperature} or {@code epsilon} is out of range, or if a perturbed value overflows {@code float}
     */
    public static FeatureMatrix perturb(TrainedHead head, FeatureMatrix features, double temperature,
            double epsilon) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(features, "features");
        requireTemperature(temperature);
        if (!(epsilon >= 0.0 && Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("ODIN perturbation ε must be ≥ 0 and finite, got " + epsilon
                    + ": use 0 for no perturbation or a small step such as 0.0014");
        }
        if (features.columns() != head.featureCount()) {
            throw new IllegalArgumentException("features have " + features.columns() + " columns but the head reads "
                    + head.featureCount() + ": pass rows of the backbone the head was trained on");
        }
        if (epsilon == 0.0) {
            return features;
        }
        return new OdinGradient(head.parameters()).perturb(features, temperature, epsilon);
    }

    static void requireTemperature(double temperature) {
        if (!(temperature > 0.0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("ODIN temperature must be > 0 and finite, got " + temperature
                    + ": use 1 for the plain softmax or 1000 as the reference does");
        }
    }
}
