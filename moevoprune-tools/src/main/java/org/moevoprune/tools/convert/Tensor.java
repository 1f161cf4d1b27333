package org.moevoprune.tools.convert;

/**
 * A value of the ONNX graph under construction and what the converter knows of its shape: rank 4 values are NCHW;
 * {@code height}/{@code width} hold the sizes at the Keras model's native input size, or -1 where unknown.
 *
 * @param name the ONNX value name
 * @param rank 2 or 4
 * @param channels channels (rank 4) or units (rank 2)
 * @param height native-size height, or -1
 * @param width native-size width, or -1
 * @param unitSpatial true when the spatial size is 1 × 1 at every input size (the output of a global pooling)
 */
record Tensor(String name, int rank, int channels, int height, int width, boolean unitSpatial) {

    static Tensor image(String name, int channels, int height, int width) {
        return new Tensor(name, 4, channels, height, width, false);
    }

    static Tensor vector(String name, int units) {
        return new Tensor(name, 2, units, -1, -1, false);
    }

    Tensor renamed(String newName) {
        return new Tensor(newName, rank, channels, height, width, unitSpatial);
    }

    String describe() {
        return rank == 2 ? "[N, " + channels + "]" : "[N, " + channels + ", " + size(height) + ", " + size(width) + "]";
    }

    private static String size(int s) {
        return s < 0 ? "?" : Integer.toString(s);
    }
}
