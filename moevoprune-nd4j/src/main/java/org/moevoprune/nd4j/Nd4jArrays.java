package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers between Java arrays and ND4J matrices. */
final class Nd4jArrays {

    private Nd4jArrays() {
    }

    /** @return a new {@code rows × columns} row-major float matrix holding a copy of {@code values} */
    static INDArray matrix(float[] values, int rows, int columns) {
        return Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    /** @return the values of a row-major matrix as a new array */
    static float[] values(INDArray matrix) {
        float[] out = new float[Math.toIntExact(matrix.length())];
        FloatBuffer view = matrix.data().asNioFloat();
        view.get(0, out, 0, out.length);
        return out;
    }

    /** Frees the off-heap memory of each array now instead of at garbage collection; nulls are skipped. */
    static void close(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }
}
