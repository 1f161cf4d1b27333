package org.moevoprune.core.metric;

import java.util.Arrays;
import java.util.Objects;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;

/**
 * The gradient of ODIN's loss {@code −log softmax(l/T)_ŷ} with respect to a head's active input features, one row
 * at a time in preallocated buffers (see {@link OdinScores#perturb}). One instance per call; not thread-safe.
 */
final class OdinGradient {

    private final int[] active;
    private final int hidden;
    private final int classes;
    private final float[] hiddenWeights;
    private final float[] outputWeights;
    private final float[] outputBias;
    private final double[] preActivation;
    private final double[] outputGradient;
    private final double[] hiddenGradient;

    OdinGradient(HeadParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        active = parameters.mask().activeIndices();
        hidden = parameters.hiddenUnits();
        classes = parameters.classCount();
        hiddenWeights = parameters.hiddenWeights();
        outputWeights = parameters.outputWeights();
        outputBias = parameters.outputBias();
        preActivation = new double[hidden];
        outputGradient = new double[classes];
        hiddenGradient = new double[hidden];
    }

    /** @return the active feature indices, ascending (row {@code i} of the gradient belongs to {@code active[i]}) */
    int[] active() {
        return active;
    }

    /** Perturbs every row by {@code −ε·sign(gradient)} on the active columns. */
    FeatureMatrix perturb(FeatureMatrix features, double temperature, double epsilon) {
        int columns = features.columns();
        float[] out = features.toArray();
        double[] gradient = new double[active.length];
        float[] row = new float[columns];
        for (int r = 0; r < features.rows(); r++) {
            features.copyRow(r, row, 0);
            gradient(row, temperature, gradient);
            int base = r * columns;
            for (int i = 0; i < active.length; i++) {
                out[base + active[i]] = (float) (row[active[i]] - epsilon * Math.signum(gradient[i]));
            }
        }
        return FeatureMatrix.wrap(out, features.rows(), columns);
    }

    /**
     * Writes {@code ∂(−log softmax(l/T)_ŷ)/∂x[active[i]]} into {@code gradient[i]}.
     *
     * @param row one full-width feature row
     * @param temperature {@code T > 0}
     * @param gradient receives {@code k} values
     */
    void gradient(float[] row, double temperature, double[] gradient) {
        forwardHidden(row);
        forwardOutput();
        softmaxGradient(temperature);
        backwardHidden();
        for (int i = 0; i < active.length; i++) {
            double sum = 0.0;
            int base = i * hidden;
            for (int h = 0; h < hidden; h++) {
                sum += hiddenWeights[base + h] * hiddenGradient[h];
            }
            gradient[i] = sum;
        }
    }

    /** {@code z = x_a · W1}. */
    private void forwardHidden(float[] row) {
        Arrays.fill(preActivation, 0.0);
        for (int i = 0; i < active.length; i++) {
            double x = row[active[i]];
            int base = i * hidden;
            for (int h = 0; h < hidden; h++) {
                preActivation[h] += x * hiddenWeights[base + h];
            }
        }
    }

    /** {@code l = relu(z) · W2 + b}, into {@link #outputGradient} (overwritten by the gradient next). */
    private void forwardOutput() {
        for (int c = 0; c < classes; c++) {
            outputGradient[c] = outputBias[c];
        }
        for (int h = 0; h < hidden; h++) {
            double a = Math.max(0.0, preActivation[h]);
            if (a > 0.0) {
                int base = h * classes;
                for (int c = 0; c < classes; c++) {
                    outputGradient[c] += a * outputWeights[base + c];
                }
            }
        }
    }

    /** Turns the logits in {@link #outputGradient} into {@code (softmax(l/T) − onehot(ŷ)) / T}. */
    private void softmaxGradient(double temperature) {
        int predicted = 0;
        for (int c = 1; c < classes; c++) {
            if (outputGradient[c] > outputGradient[predicted]) {
                predicted = c;
            }
        }
        double max = outputGradient[predicted];
        double sum = 0.0;
        for (int c = 0; c < classes; c++) {
            outputGradient[c] = Math.exp((outputGradient[c] - max) / temperature);
            sum += outputGradient[c];
        }
        for (int c = 0; c < classes; c++) {
            double target = c == predicted ? 1.0 : 0.0;
            outputGradient[c] = (outputGradient[c] / sum - target) / temperature;
        }
    }

    /** {@code ∇_z = (W2 · ∇_l) ⊙ [z > 0]}. */
    private void backwardHidden() {
        for (int h = 0; h < hidden; h++) {
            double sum = 0.0;
            if (preActivation[h] > 0.0) {
                int base = h * classes;
                for (int c = 0; c < classes; c++) {
                    sum += outputWeights[base + c] * outputGradient[c];
                }
            }
            hiddenGradient[h] = sum;
        }
    }
}
