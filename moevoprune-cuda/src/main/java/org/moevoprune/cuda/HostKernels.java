package org.moevoprune.cuda;

import java.util.Arrays;

/**
 * {@link PopulationKernels} in plain Java, loop for loop the arithmetic that {@link CudaKernels} gives cuBLAS and its
 * kernels (dense-masked products over all {@code F} rows, the same ReLU and momentum step): it runs the
 * population driver on machines without a GPU, so that the 'cublas' head's logic is tested everywhere, and is the
 * oracle the GPU run is compared with. Slow (no blocking, one thread): for tests. Confined to one thread.
 */
final class HostKernels implements PopulationKernels {

    /** Creates host kernels. */
    static final PopulationKernels.Factory FACTORY = HostKernels::new;

    private final float[] features;
    private final int f;
    private final int h;
    private final int c;
    private final float mu;
    private final boolean nesterov;
    private final int fh;
    private final int hc;
    private final float[] w1;
    private final float[] v1;
    private final float[] best1;
    private final float[] w2;
    private final float[] v2;
    private final float[] best2;
    private final float[] masks;
    /** The last forward pass: masked batch rows and activations, {@code P × rows × F} and {@code P × rows × H}. */
    private final float[] x;
    private final float[] act;

    private HostKernels(float[] features, int n, int f, int h, int c, int members, int maxRows, float momentum,
            boolean nesterov) {
        this.features = features;
        this.f = f;
        this.h = h;
        this.c = c;
        this.mu = momentum;
        this.nesterov = nesterov;
        this.fh = f * h;
        this.hc = h * c;
        w1 = new float[members * fh];
        v1 = new float[members * fh];
        best1 = new float[members * fh];
        w2 = new float[members * hc];
        v2 = new float[members * hc];
        best2 = new float[members * hc];
        masks = new float[members * f];
        x = new float[members * maxRows * f];
        act = new float[members * maxRows * h];
    }

    @Override
    public void load(int i, float[] dense, float[] mask, float[] output) {
        System.arraycopy(dense, 0, w1, i * fh, fh);
        System.arraycopy(dense, 0, best1, i * fh, fh);
        System.arraycopy(output, 0, w2, i * hc, hc);
        System.arraycopy(output, 0, best2, i * hc, hc);
        System.arraycopy(mask, 0, masks, i * f, f);
        Arrays.fill(v1, i * fh, (i + 1) * fh, 0f);
        Arrays.fill(v2, i * hc, (i + 1) * hc, 0f);
    }

    @Override
    public void forward(int members, int rows, int[] rowIndices, float[] logits) {
        for (int i = 0; i < members; i++) {
            for (int r = 0; r < rows; r++) {
                int xo = (i * rows + r) * f;
                int source = rowIndices[i * rows + r] * f;
                for (int j = 0; j < f; j++) {
                    x[xo + j] = features[source + j] * masks[i * f + j];
                }
                int ao = (i * rows + r) * h;
                Arrays.fill(act, ao, ao + h, 0f);
                for (int j = 0; j < f; j++) {
                    float xv = x[xo + j];
                    int wo = i * fh + j * h;
                    for (int u = 0; u < h; u++) {
                        act[ao + u] += xv * w1[wo + u];
                    }
                }
                for (int u = 0; u < h; u++) {
                    act[ao + u] = relu(act[ao + u]);
                }
                int lo = (i * rows + r) * c;
                for (int k = 0; k < c; k++) {
                    float s = 0f;
                    for (int u = 0; u < h; u++) {
                        s += act[ao + u] * w2[i * hc + u * c + k];
                    }
                    logits[lo + k] = s;
                }
            }
        }
    }

    /** The ReLU of every backend: {@code v < 0 ? 0 : v}, so that NaN passes through. */
    static float relu(float v) {
        return v < 0f ? 0f : v;
    }

    @Override
    public void backward(int members, int rows, float[] logitGradients, float lr) {
        float[] dz = new float[rows * h];
        float[] g1 = new float[fh];
        float[] g2 = new float[hc];
        for (int i = 0; i < members; i++) {
            for (int r = 0; r < rows; r++) {
                int ao = (i * rows + r) * h;
                int lo = (i * rows + r) * c;
                for (int u = 0; u < h; u++) {
                    float s = 0f;
                    for (int k = 0; k < c; k++) {
                        s += logitGradients[lo + k] * w2[i * hc + u * c + k];
                    }
                    dz[r * h + u] = act[ao + u] > 0f ? s : 0f;
                }
            }
            Arrays.fill(g2, 0f);
            Arrays.fill(g1, 0f);
            for (int r = 0; r < rows; r++) {
                int ao = (i * rows + r) * h;
                int lo = (i * rows + r) * c;
                for (int u = 0; u < h; u++) {
                    for (int k = 0; k < c; k++) {
                        g2[u * c + k] += act[ao + u] * logitGradients[lo + k];
                    }
                }
                int xo = (i * rows + r) * f;
                for (int j = 0; j < f; j++) {
                    float xv = x[xo + j];
                    for (int u = 0; u < h; u++) {
                        g1[j * h + u] += xv * dz[r * h + u];
                    }
                }
            }
            update(w2, v2, g2, i * hc, lr);
            update(w1, v1, g1, i * fh, lr);
        }
    }

    private void update(float[] w, float[] v, float[] g, int offset, float lr) {
        for (int e = 0; e < g.length; e++) {
            float vel = mu * v[offset + e] - lr * g[e];
            v[offset + e] = vel;
            w[offset + e] += nesterov ? mu * vel - lr * g[e] : vel;
        }
    }

    @Override
    public void saveBest(int i) {
        System.arraycopy(w1, i * fh, best1, i * fh, fh);
        System.arraycopy(w2, i * hc, best2, i * hc, hc);
    }

    @Override
    public void restoreBest(int i) {
        System.arraycopy(best1, i * fh, w1, i * fh, fh);
        System.arraycopy(best2, i * hc, w2, i * hc, hc);
    }

    @Override
    public void hidden(int i, float[] dense) {
        System.arraycopy(w1, i * fh, dense, 0, fh);
    }

    @Override
    public void output(int i, float[] output) {
        System.arraycopy(w2, i * hc, output, 0, hc);
    }

    @Override
    public void retain(int[] keep) {
        for (int j = 0; j < keep.length; j++) {
            int i = keep[j];
            if (i != j) {
                for (float[] a : new float[][] {w1, v1, best1}) {
                    System.arraycopy(a, i * fh, a, j * fh, fh);
                }
                for (float[] a : new float[][] {w2, v2, best2}) {
                    System.arraycopy(a, i * hc, a, j * hc, hc);
                }
                System.arraycopy(masks, i * f, masks, j * f, f);
            }
        }
    }

    @Override
    public void close() {
        // heap arrays only
    }
}
