package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The off-heap matrices of one batch size: input, hidden activations, logits (overwritten in place by their
 * gradient) and the hidden gradient, with zero-copy {@link FloatBuffer} views through which Java code fills the input,
 * reads the logits, writes their gradient and applies the ReLU derivative. A training run makes one for the full batch and one for a smaller last batch, once; they are reused for
 * every batch. Confined to one thread.
 */
final class Batch implements AutoCloseable {

    final int rows;
    /** {@code rows × k} gathered active features. */
    final INDArray x;
    /** {@code rows × H} hidden activations, ReLU applied in place. */
    final INDArray act;
    /** {@code rows × C} logits without bias, then the gradient of the mean loss at the logits. */
    final INDArray logits;
    /** {@code rows × H} gradient at the hidden pre-activations. */
    final INDArray dz;
    private final FloatBuffer xView;
    private final FloatBuffer actView;
    private final FloatBuffer logitsView;
    private final FloatBuffer dzView;

    Batch(int rows, int k, int h, int c) {
        this.rows = rows;
        x = Nd4j.create(DataType.FLOAT, rows, k);
        act = Nd4j.create(DataType.FLOAT, rows, h);
        logits = Nd4j.create(DataType.FLOAT, rows, c);
        dz = Nd4j.create(DataType.FLOAT, rows, h);
        xView = x.data().asNioFloat();
        actView = act.data().asNioFloat();
        logitsView = logits.data().asNioFloat();
        dzView = dz.data().asNioFloat();
    }

    /** Copies {@code rows × k} values from {@code source} into {@link #x}. */
    void putInput(float[] source) {
        xView.put(0, source, 0, Math.toIntExact(x.length()));
        Nd4jArrays.afterHostWrite(x);
    }

    /** Reads the {@code rows × C} logits into {@code destination}. */
    void getLogits(float[] destination) {
        Nd4jArrays.beforeHostRead(logits);
        logitsView.get(0, destination, 0, Math.toIntExact(logits.length()));
    }

    /** Writes the {@code rows × C} logit gradient from {@code source} over the logits. */
    void putLogitGradient(float[] source) {
        logitsView.put(0, source, 0, Math.toIntExact(logits.length()));
        Nd4jArrays.afterHostWrite(logits);
    }

    /**
     * The ReLU derivative: zeroes {@link #dz} wherever the activation is not positive. A plain loop over the two
     * views: measured 6 µs at 32 × 512 and 50 µs at 256 × 512, against 49 and 309 µs for ND4J's {@code relu_bp}
     * op and 27 and 47 µs for a step op plus a product.
     */
    void maskHiddenGradient() {
        Nd4jArrays.beforeHostRead(act);
        Nd4jArrays.beforeHostRead(dz);
        int n = Math.toIntExact(dz.length());
        for (int i = 0; i < n; i++) {
            if (!(actView.get(i) > 0f)) {
                dzView.put(i, 0f);
            }
        }
        Nd4jArrays.afterHostWrite(dz);
    }

    @Override
    public void close() {
        Nd4jArrays.close(x, act, logits, dz);
    }
}
