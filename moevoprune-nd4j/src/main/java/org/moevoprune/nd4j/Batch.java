package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The off-heap matrices of one batch size: input, hidden activations, logits (overwritten in place by their
 * gradient) and the hidden gradient, plus zero-copy {@link FloatBuffer} views of the two that Java code fills and
 * reads. A training run makes one for the full batch and one for a smaller last batch, once; they are reused for
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
    final FloatBuffer xView;
    final FloatBuffer logitsView;

    Batch(int rows, int k, int h, int c) {
        this.rows = rows;
        x = Nd4j.create(DataType.FLOAT, rows, k);
        act = Nd4j.create(DataType.FLOAT, rows, h);
        logits = Nd4j.create(DataType.FLOAT, rows, c);
        dz = Nd4j.create(DataType.FLOAT, rows, h);
        xView = x.data().asNioFloat();
        logitsView = logits.data().asNioFloat();
    }

    /** Copies {@code rows × k} values from {@code source} into {@link #x}. */
    void putInput(float[] source) {
        xView.put(0, source, 0, Math.toIntExact(x.length()));
    }

    /** Reads the {@code rows × C} logits into {@code destination}. */
    void getLogits(float[] destination) {
        logitsView.get(0, destination, 0, Math.toIntExact(logits.length()));
    }

    /** Writes the {@code rows × C} logit gradient from {@code source} over the logits. */
    void putLogitGradient(float[] source) {
        logitsView.put(0, source, 0, Math.toIntExact(logits.length()));
    }

    @Override
    public void close() {
        Nd4jArrays.close(x, act, logits, dz);
    }
}
