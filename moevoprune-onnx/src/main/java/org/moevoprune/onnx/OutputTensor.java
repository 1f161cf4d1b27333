package org.moevoprune.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * One float output of a model run: its name, shape (batch first) and values, row-major. Immutable: accessors copy.
 */
public final class OutputTensor {

    private final String name;
    private final long[] shape;
    private final float[] values;

    OutputTensor(String name, long[] shape, float[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.values = values;
    }

    /** @return the output's name */
    public String name() {
        return name;
    }

    /** @return a copy of the shape, batch first */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * @param axis a dimension index
     * @return that dimension's size
     */
    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /**
     * @param index a row-major index
     * @return that value
     */
    public float get(int index) {
        return values[index];
    }

    /** @return a copy of the values, row-major */
    public float[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "OutputTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
