package org.moevoprune.core.head;

import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;

/**
 * A head of the pure-Java provider: immutable weights (the hidden kernel packed for {@link HeadKernel}) and a
 * forward pass over row blocks. Thread-safe; each call allocates only its own block buffers.
 */
final class JavaTrainedHead implements TrainedHead {

    private static final int ROW_BLOCK = 128;

    private final HeadKernel kernel;
    private final FeatureMask mask;
    private final int h;
    private final int c;
    private final float[][] packedHidden;
    /** Output kernel transposed, {@code C × H}. */
    private final float[] outputT;
    private final float[] bias;
    private final TrainingSummary summary;
    private final HeadParameters parameters;

    JavaTrainedHead(HeadKernel kernel, FeatureMask mask, int hiddenUnits, int classCount, float[][] packedHidden,
            float[] outputT, float[] bias, TrainingSummary summary) {
        this.kernel = kernel;
        this.mask = mask;
        this.h = hiddenUnits;
        this.c = classCount;
        this.packedHidden = packedHidden;
        this.outputT = outputT;
        this.bias = bias;
        this.summary = summary;
        this.parameters = HeadParameters.copyOf(mask, hiddenUnits, classCount,
                kernel.unpack(packedHidden, mask.activeCount(), hiddenUnits),
                HeadKernel.transpose(outputT, classCount, hiddenUnits), bias);
    }

    static JavaTrainedHead of(HeadKernel kernel, HeadParameters p, TrainingSummary summary) {
        return new JavaTrainedHead(kernel, p.mask(), p.hiddenUnits(), p.classCount(),
                kernel.pack(p.hiddenWeights(), p.activeCount(), p.hiddenUnits()),
                HeadKernel.transpose(p.outputWeights(), p.hiddenUnits(), p.classCount()), p.outputBias(), summary);
    }

    @Override
    public FeatureMask mask() {
        return mask;
    }

    @Override
    public HeadParameters parameters() {
        return parameters;
    }

    @Override
    public TrainingSummary summary() {
        return summary;
    }

    @Override
    public String provider() {
        return JavaSparseHead.ID;
    }

    @Override
    public int classCount() {
        return c;
    }

    @Override
    public void logits(FeatureMatrix features, float[] out) {
        Objects.requireNonNull(features, "features");
        if (features.columns() != mask.length()) {
            throw new IllegalArgumentException("features have " + features.columns() + " columns but this head "
                    + "reads " + mask.length() + ": pass rows from the same backbone the head was trained on");
        }
        int rows = features.rows();
        Objects.checkFromIndexSize(0, rows * c, out.length);
        int k = mask.activeCount();
        int block = Math.min(ROW_BLOCK, Math.max(rows, 1));
        float[] xb = new float[block * k];
        float[] act = new float[block * h];
        float[] scratch = new float[kernel.scratchSize(k)];
        for (int start = 0; start < rows; start += block) {
            int count = Math.min(block, rows - start);
            features.gather(mask, start, start + count, xb);
            kernel.hiddenForward(xb, count, k, packedHidden, h, act, scratch);
            for (int r = 0; r < count; r++) {
                kernel.logitsRow(act, r * h, h, outputT, bias, c, out, (start + r) * c);
            }
        }
    }

    @Override
    public String toString() {
        return "JavaTrainedHead[" + parameters + ", " + summary + "]";
    }
}
