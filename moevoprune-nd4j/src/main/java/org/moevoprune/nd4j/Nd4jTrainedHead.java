package org.moevoprune.nd4j;

import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.AbstractTrainedHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A head of the ND4J provider: its weights as off-heap matrices, never modified after construction, and a forward
 * pass over blocks of {@value #ROW_BLOCK} rows (two matrix products and a ReLU per block). Immutable and
 * thread-safe: each {@link #logits} call gathers into and multiplies through matrices of its own, freed when it
 * returns. The weight matrices are freed when the head is garbage-collected.
 */
final class Nd4jTrainedHead extends AbstractTrainedHead {

    /** Rows per forward block: large enough for efficient matrix products, small enough to stay in cache. */
    static final int ROW_BLOCK = 1024;

    /** {@code k × H}; {@code null} for the empty mask, whose hidden layer has no input. */
    private final INDArray hidden;
    private final INDArray output;
    private final float[] bias;

    /** Takes over {@code hidden} and {@code output}; the caller must not use them afterwards. */
    Nd4jTrainedHead(FeatureMask mask, int hiddenUnits, int classCount, INDArray hidden, INDArray output, float[] bias,
            TrainingSummary summary) {
        this(Nd4jSparseHead.ID, HeadParameters.copyOf(mask, hiddenUnits, classCount,
                mask.activeCount() == 0 ? new float[0] : Nd4jArrays.values(hidden), Nd4jArrays.values(output), bias),
                hidden, output, bias, summary);
    }

    private Nd4jTrainedHead(String provider, HeadParameters parameters, INDArray hidden, INDArray output,
            float[] bias, TrainingSummary summary) {
        super(provider, parameters, summary);
        this.hidden = parameters.activeCount() == 0 ? null : hidden;
        this.output = output;
        this.bias = bias;
    }

    /** @return a head of the {@value Nd4jSparseHead#ID} provider over copies of the given weights */
    static Nd4jTrainedHead of(HeadParameters p, TrainingSummary summary) {
        return of(Nd4jSparseHead.ID, p, summary);
    }

    /** @return a head of the given provider over copies of the given weights */
    static Nd4jTrainedHead of(String provider, HeadParameters p, TrainingSummary summary) {
        INDArray hidden = p.activeCount() == 0 ? null
                : Nd4jArrays.matrix(p.hiddenWeights(), p.activeCount(), p.hiddenUnits());
        INDArray output = Nd4jArrays.matrix(p.outputWeights(), p.hiddenUnits(), p.classCount());
        return new Nd4jTrainedHead(provider, p, hidden, output, p.outputBias(), summary);
    }

    /**
     * The forward pass.
     *
     * <p>Rows go through in blocks of up to {@value #ROW_BLOCK}; the call allocates its block matrices once.
     */
    @Override
    protected void forward(FeatureMatrix features, float[] out) {
        int rows = features.rows();
        int c = classCount();
        if (hidden == null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias, 0, out, r * c, c);
            }
            return;
        }
        int block = Math.min(ROW_BLOCK, rows);
        Forward full = null;
        Forward tail = null;
        try {
            for (int start = 0; start < rows; start += block) {
                int count = Math.min(block, rows - start);
                Forward f;
                if (count == block) {
                    full = full != null ? full : new Forward(block);
                    f = full;
                } else {
                    tail = new Forward(count);
                    f = tail;
                }
                f.run(features, start, out);
            }
        } finally {
            if (full != null) {
                full.close();
            }
            if (tail != null) {
                tail.close();
            }
        }
    }

    /** The matrices of one forward block of a given row count. */
    private final class Forward implements AutoCloseable {
        private final int rows;
        private final float[] gathered;
        private final float[] logitValues;
        private final INDArray x;
        private final INDArray act;
        private final INDArray logitMatrix;

        Forward(int rows) {
            this.rows = rows;
            int k = mask().activeCount();
            int c = classCount();
            int h = hiddenUnits();
            gathered = new float[rows * k];
            logitValues = new float[rows * c];
            x = Nd4j.create(DataType.FLOAT, rows, k);
            act = Nd4j.create(DataType.FLOAT, rows, h);
            logitMatrix = Nd4j.create(DataType.FLOAT, rows, c);
        }

        /** Writes the logits of rows {@code [start, start + rows)} into {@code out}. */
        void run(FeatureMatrix features, int start, float[] out) {
            features.gather(mask(), start, start + rows, gathered);
            x.data().asNioFloat().put(0, gathered, 0, gathered.length);
            Nd4jArrays.afterHostWrite(x);
            Nd4j.gemm(x, hidden, act, false, false, 1.0, 0.0);
            Transforms.relu(act, false);
            Nd4j.gemm(act, output, logitMatrix, false, false, 1.0, 0.0);
            Nd4jArrays.beforeHostRead(logitMatrix);
            logitMatrix.data().asNioFloat().get(0, logitValues, 0, logitValues.length);
            int c = classCount();
            for (int r = 0; r < rows; r++) {
                int o = r * c;
                for (int j = 0; j < c; j++) {
                    out[(start + r) * c + j] = logitValues[o + j] + bias[j];
                }
            }
        }

        @Override
        public void close() {
            Nd4jArrays.close(x, act, logitMatrix);
        }
    }
}
