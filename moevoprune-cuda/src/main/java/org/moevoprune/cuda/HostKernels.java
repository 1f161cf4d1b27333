package org.moevoprune.cuda;

import java.util.Arrays;

/**
 * The primitives of {@link DenseMaskedKernels} in plain Java, each as the CUDA library or kernel defines it: the
 * GEMM as {@code cublasSgemmStridedBatched} (column-major, leading dimensions, transposes, strides) and the
 * elementwise steps as the kernels of {@link KernelSource}, loop body for loop body. With them the 'cublas' head's
 * whole step (the calls, shapes and strides {@link CudaKernels} makes) runs and is tested on machines without a GPU,
 * and they are the oracle a GPU run is compared with. Slow (no blocking, one thread): for tests. Confined to one
 * thread.
 */
final class HostKernels extends DenseMaskedKernels {

    /** Creates host kernels. */
    static final PopulationKernels.Factory FACTORY = HostKernels::new;

    private final float[][] buffers = new float[Buffer.values().length][];

    private HostKernels(float[] features, int n, int f, int h, int c, int members, int maxRows, float momentum,
            boolean nesterov) {
        super(n, f, h, c, members, maxRows, momentum, nesterov);
        for (Buffer b : Buffer.values()) {
            buffers[b.ordinal()] = new float[Math.toIntExact(size(b))];
        }
        upload(Buffer.FEATURES, 0, features, features.length);
    }

    private float[] get(Buffer b) {
        return buffers[b.ordinal()];
    }

    @Override
    void upload(Buffer to, long offset, float[] values, int count) {
        System.arraycopy(values, 0, get(to), (int) offset, count);
    }

    @Override
    void download(Buffer from, long offset, float[] values, int count) {
        System.arraycopy(get(from), (int) offset, values, 0, count);
    }

    @Override
    void copy(Buffer to, long toOffset, Buffer from, long fromOffset, long count) {
        System.arraycopy(get(from), (int) fromOffset, get(to), (int) toOffset, (int) count);
    }

    @Override
    void zero(Buffer b, long offset, long count) {
        Arrays.fill(get(b), (int) offset, (int) (offset + count), 0f);
    }

    @Override
    void gatherRows(int[] rowIndices, int count, int batch) {
        float[] all = get(Buffer.FEATURES);
        float[] masks = get(Buffer.MASKS);
        float[] x = get(Buffer.X);
        for (int e = 0; e < count * f; e++) {
            int j = e % f;
            int memberRow = e / f;
            int member = memberRow / batch;
            x[e] = all[rowIndices[memberRow] * f + j] * masks[member * f + j];
        }
    }

    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda, long strideA, Buffer b,
            int ldb, long strideB, Buffer out, int ldc, long strideC, int batches) {
        float[] av = get(a);
        float[] bv = get(b);
        float[] cv = get(out);
        for (int i = 0; i < batches; i++) {
            int ao = (int) (i * strideA);
            int bo = (int) (i * strideB);
            int co = (int) (i * strideC);
            for (int col = 0; col < n; col++) {
                for (int row = 0; row < m; row++) {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        float opA = transA ? av[ao + p + row * lda] : av[ao + row + p * lda];
                        float opB = transB ? bv[bo + col + p * ldb] : bv[bo + p + col * ldb];
                        sum += opA * opB;
                    }
                    cv[co + row + col * ldc] = sum;
                }
            }
        }
    }

    /** The ReLU of every backend: {@code v < 0 ? 0 : v}, so that NaN passes through. */
    static float relu(float v) {
        return v < 0f ? 0f : v;
    }

    @Override
    void relu(Buffer b, long count) {
        float[] v = get(b);
        for (int e = 0; e < count; e++) {
            v[e] = relu(v[e]);
        }
    }

    @Override
    void reluBackward(Buffer act, Buffer dz, long count) {
        float[] a = get(act);
        float[] d = get(dz);
        for (int e = 0; e < count; e++) {
            d[e] = a[e] > 0f ? d[e] : 0f;
        }
    }

    @Override
    void momentum(Buffer w, Buffer v, Buffer g, long count, float lr) {
        float[] wv = get(w);
        float[] vv = get(v);
        float[] gv = get(g);
        for (int e = 0; e < count; e++) {
            float step = gv[e];
            float vel = mu * vv[e] - lr * step;
            vv[e] = vel;
            wv[e] += nesterov ? mu * vel - lr * step : vel;
        }
    }

    @Override
    public void close() {
        Arrays.fill(buffers, null);
    }
}
