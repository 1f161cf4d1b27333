package org.moevoprune.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-step arrays of {@link Nd4jPopulationTrainer} for {@code P} members and batches of {@code rows} rows,
 * allocated once per population size and batch height. Confined to the training thread.
 */
final class PopulationBatch implements AutoCloseable {

    final int rows;
    /** {@code (P·rows) × F}: the gathered batch rows, the row-gather target. */
    final INDArray rowsView;
    /** {@code P × rows × F}: the same memory as {@link #rowsView}, masked per member. */
    final INDArray x;
    /** {@code P × rows × H}: hidden activations after ReLU. */
    final INDArray act;
    /** {@code P × rows × H}: 1 where the activation is positive. */
    final INDArray relu;
    /** {@code P × rows × C}: logits, then their gradient. */
    final INDArray logits;
    /** {@code P × rows × H}: gradient of the hidden pre-activations. */
    final INDArray dz;
    /** Host copy of {@link #logits}. */
    final float[] hostLogits;
    /** The training rows gathered into {@link #rowsView}, member after member. */
    final int[] rowIndices;

    PopulationBatch(int members, int rows, int features, int hidden, int classes) {
        this.rows = rows;
        rowsView = Nd4j.create(DataType.FLOAT, (long) members * rows, features);
        x = rowsView.reshape('c', members, rows, features);
        act = Nd4j.create(DataType.FLOAT, members, rows, hidden);
        relu = Nd4j.create(DataType.FLOAT, members, rows, hidden);
        logits = Nd4j.create(DataType.FLOAT, members, rows, classes);
        dz = Nd4j.create(DataType.FLOAT, members, rows, hidden);
        hostLogits = new float[Math.multiplyExact(members * rows, classes)];
        rowIndices = new int[members * rows];
    }

    @Override
    public void close() {
        Nd4jArrays.close(act, relu, logits, dz, rowsView);
    }
}
