package org.moevoprune.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.concurrency.AffinityManager;
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
        beforeHostRead(matrix);
        FloatBuffer view = matrix.data().asNioFloat();
        view.get(0, out, 0, out.length);
        return out;
    }

    /**
     * Call before reading an array's memory through its {@link FloatBuffer} view: brings device results to the host
     * on a GPU backend; nothing on the CPU backend.
     */
    static void beforeHostRead(INDArray array) {
        Nd4j.getAffinityManager().ensureLocation(array, AffinityManager.Location.HOST);
    }

    /**
     * Call after writing an array's memory through its {@link FloatBuffer} view: tells a GPU backend that the host
     * copy is the current one; nothing on the CPU backend.
     */
    static void afterHostWrite(INDArray array) {
        Nd4j.getAffinityManager().tagLocation(array, AffinityManager.Location.HOST);
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
