package org.moevoprune.cuda;

import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.AbstractTrainedHead;

/**
 * A head trained by the 'cublas' provider: its portable weights and a plain-Java forward pass over the active
 * features (inference needs no GPU, so a head restored on any machine answers). Immutable and thread-safe: each
 * {@link #logits} call works in arrays of its own.
 */
final class CublasTrainedHead extends AbstractTrainedHead {

    private final float[] hidden;
    private final float[] output;
    private final float[] bias;
    private final int[] active;

    private CublasTrainedHead(String provider, HeadParameters parameters, TrainingSummary summary) {
        super(provider, parameters, summary);
        this.hidden = parameters.hiddenWeights();
        this.output = parameters.outputWeights();
        this.bias = parameters.outputBias();
        this.active = parameters.mask().activeIndices();
    }

    /** @return a head of the given provider over the given weights */
    static CublasTrainedHead of(String provider, HeadParameters parameters, TrainingSummary summary) {
        return new CublasTrainedHead(provider, parameters, summary);
    }

    @Override
    protected void forward(FeatureMatrix features, float[] out) {
        int h = hiddenUnits();
        int c = classCount();
        float[] act = new float[h];
        for (int r = 0; r < features.rows(); r++) {
            java.util.Arrays.fill(act, 0f);
            for (int a = 0; a < active.length; a++) {
                float xv = features.get(r, active[a]);
                int o = a * h;
                for (int u = 0; u < h; u++) {
                    act[u] += xv * hidden[o + u];
                }
            }
            for (int k = 0; k < c; k++) {
                float s = bias[k];
                for (int u = 0; u < h; u++) {
                    s += HostKernels.relu(act[u]) * output[u * c + k];
                }
                out[r * c + k] = s;
            }
        }
    }
}
