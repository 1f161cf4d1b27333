package org.moevoprune.tools.convert;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named weight tensor of a Keras model (a convolution kernel, a batch-norm mean, …), row-major in Keras' own
 * layout: a {@code Conv2D} kernel is {@code [kh, kw, in, out]}, a {@code DepthwiseConv2D} kernel
 * {@code [kh, kw, in, multiplier]}, a {@code Dense} kernel {@code [in, out]}.
 *
 * <p>Immutable: values are copied on the way in; {@link #values()} returns a copy, {@link #get(int)} reads one.
 */
public final class Weight {

    private final String name;
    private final int[] shape;
    private final float[] values;

    private Weight(String name, int[] shape, float[] values) {
        this.name = name;
        this.shape = shape;
        this.values = values;
    }

    /**
     * @param name the weight's name, {@code layer/param}, e.g. {@code "Conv1/kernel"}
     * @param shape the dimensions, each ≥ 0
     * @param values the product of {@code shape} values, row-major
     * @return the weight over copies of the arrays
     * @throws IllegalArgumentException if the value count does not match the shape
     */
    public static Weight of(String name, int[] shape, float[] values) {
        Objects.requireNonNull(name, "name");
        int[] dims = shape.clone();
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("weight '" + name + "' has a negative dimension in "
                        + Arrays.toString(dims));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("weight '" + name + "' of shape " + Arrays.toString(dims) + " needs "
                    + count + " values, got " + values.length);
        }
        return new Weight(name, dims, values.clone());
    }

    /** @return the name, {@code layer/param} */
    public String name() {
        return name;
    }

    /** @return a copy of the dimensions */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * @param axis a dimension index
     * @return that dimension's length
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /** @return the number of values */
    public int size() {
        return values.length;
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
        return "Weight[" + name + " " + Arrays.toString(shape) + "]";
    }
}
