package org.moevoprune.core.head;

import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.AbstractTrainedHead;

/**
 * A head of the pure-Java provider: immutable weights (the hidden kernel packed for {@link HeadKernel}) and a
 * forward pass over row blocks. Thread-safe; each call allocates only its own block buffers.
 */
final class JavaTrainedHead extends AbstractTrainedHead {

    private static final int ROW_BLOCK = 128;

    private final HeadKernel kernel;
    private final float[][] packedHidden;
    /** Output weights transposed, {@code C × H}. */
    private final float[] outputT;
    private final float[] bias;

    JavaTrainedHead(HeadKernel kernel, FeatureMask mask, int hiddenUnits, int classCount, float[][] packedHidden,
            float[] outputT, float[] bias, TrainingSummary summary) {
        this(kernel, HeadParameters.copyOf(mask, hiddenUnits, classCount,
                kernel.unpack(packedHidden, mask.activeCount(), hiddenUnits),
                HeadKernel.transpose(outputT, classCount, hiddenUnits), bias), packedHidden, outputT, bias, summary);
    }

    private JavaTrainedHead(HeadKernel kernel, HeadParameters parameters, float[][] packedHidden, float[] outputT,
            float[] bias, TrainingSummary summary) {
        super(JavaSparseHead.ID, parameters, summary);
        this.kernel = kernel;
        this.packedHidden = packedHidden;
        this.outputT = outputT;
        this.bias = bias;
    }

    static JavaTrainedHead of(HeadKernel kernel, HeadParameters p, TrainingSummary summary) {
        return new JavaTrainedHead(kernel, p, kernel.pack(p.hiddenWeights(), p.activeCount(), p.hiddenUnits()),
                HeadKernel.transpose(p.outputWeights(), p.hiddenUnits(), p.classCount()), p.outputBias(), summary);
    }

    @Override
    protected void forward(FeatureMatrix features, float[] out) {
        FeatureMask mask = mask();
        int h = hiddenUnits();
        int c = classCount();
        int rows = features.rows();
        int k = mask.activeCount();
        int block = Math.min(ROW_BLOCK, Math.max(rows, 1));
        float[] xb = new float[block * k];
        float[] act = new float[block * h];
        float[] scratch = new float[kernel.scratchSize(k)];
        for (int start = 0; start < rows; start += block) {
            int count = Math.min(block, rows - start);
            features.gather(mask, start, start + count, xb);
            kernel.hiddenForward(xb, count, k, packedHidden, h, act, scratch);
            kernel.logits(act, count, h, outputT, bias, c, out, start * c);
        }
    }
}
