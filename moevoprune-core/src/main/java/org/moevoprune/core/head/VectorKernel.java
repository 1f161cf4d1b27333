package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link HeadKernel} on the Java Vector API: panels two vectors wide (16 floats with AVX2), and register-blocked
 * micro-kernels of four rows × two vectors, so that each loaded weight vector feeds four fused multiply-adds and
 * accumulators never leave registers. A narrower last panel (when the hidden width is not a multiple of the
 * panel) runs scalar loops.
 *
 * <p>Loaded reflectively by {@link HeadKernel#best()} only when {@code jdk.incubator.vector} is in the boot layer;
 * nothing else may refer to this class.
 */
final class VectorKernel extends HeadKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 2 * L;

    private final ScalarTail tail = new ScalarTail();

    @Override
    String name() {
        return "vector";
    }

    @Override
    int block() {
        return BLOCK;
    }

    @Override
    void hiddenForward(float[] x, int rows, int k, float[] packed, int h, float[] out) {
        for (int hb = 0; hb < h; hb += BLOCK) {
            int panel = hb * k;
            if (h - hb < BLOCK) {
                tail.forward(x, rows, k, packed, panel, h - hb, h, hb, out);
                continue;
            }
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                forward4(x, r, k, packed, panel, h, hb, out);
            }
            for (; r < rows; r++) {
                forward1(x, r, k, packed, panel, h, hb, out);
            }
        }
    }

    private static void forward4(float[] x, int r, int k, float[] w, int panel, int h, int hb, float[] out) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        int x0 = r * k;
        int x1 = x0 + k;
        int x2 = x1 + k;
        int x3 = x2 + k;
        for (int i = 0, wi = panel; i < k; i++, wi += BLOCK) {
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector xa = FloatVector.broadcast(S, x[x0 + i]);
            FloatVector xb = FloatVector.broadcast(S, x[x1 + i]);
            FloatVector xc = FloatVector.broadcast(S, x[x2 + i]);
            FloatVector xd = FloatVector.broadcast(S, x[x3 + i]);
            a0 = w0.fma(xa, a0);
            a1 = w1.fma(xa, a1);
            b0 = w0.fma(xb, b0);
            b1 = w1.fma(xb, b1);
            c0 = w0.fma(xc, c0);
            c1 = w1.fma(xc, c1);
            d0 = w0.fma(xd, d0);
            d1 = w1.fma(xd, d1);
        }
        int o = r * h + hb;
        storeRelu(a0, a1, out, o);
        storeRelu(b0, b1, out, o + h);
        storeRelu(c0, c1, out, o + 2 * h);
        storeRelu(d0, d1, out, o + 3 * h);
    }

    private static void forward1(float[] x, int r, int k, float[] w, int panel, int h, int hb, float[] out) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        int x0 = r * k;
        for (int i = 0, wi = panel; i < k; i++, wi += BLOCK) {
            FloatVector xa = FloatVector.broadcast(S, x[x0 + i]);
            a0 = FloatVector.fromArray(S, w, wi).fma(xa, a0);
            a1 = FloatVector.fromArray(S, w, wi + L).fma(xa, a1);
        }
        storeRelu(a0, a1, out, r * h + hb);
    }

    private static void storeRelu(FloatVector v0, FloatVector v1, float[] out, int o) {
        v0.lanewise(VectorOperators.MAX, 0f).intoArray(out, o);
        v1.lanewise(VectorOperators.MAX, 0f).intoArray(out, o + L);
    }

    @Override
    float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        int u = 0;
        for (; u + BLOCK <= n; u += BLOCK) {
            s0 = FloatVector.fromArray(S, a, ao + u).fma(FloatVector.fromArray(S, b, bo + u), s0);
            s1 = FloatVector.fromArray(S, a, ao + u + L).fma(FloatVector.fromArray(S, b, bo + u + L), s1);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; u < n; u++) {
            sum += a[ao + u] * b[bo + u];
        }
        return sum;
    }

    @Override
    void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[] packed, float[] velocity, float lr,
            float mu, boolean nesterov, float[] scratch) {
        for (int hb = 0; hb < h; hb += BLOCK) {
            int panel = hb * k;
            if (h - hb < BLOCK) {
                tail.update(x, rows, k, dz, h, hb, h - hb, packed, velocity, panel, lr, mu, nesterov, scratch);
                continue;
            }
            int i = 0;
            for (; i + 4 <= k; i += 4) {
                update4(x, rows, k, dz, h, hb, packed, velocity, panel + i * BLOCK, i, lr, mu, nesterov);
            }
            for (; i < k; i++) {
                update1(x, rows, k, dz, h, hb, packed, velocity, panel + i * BLOCK, i, lr, mu, nesterov);
            }
        }
    }

    /** Gradient of four consecutive panel rows {@code i … i+3}, then their SGD step. */
    private static void update4(float[] x, int rows, int k, float[] dz, int h, int hb, float[] w, float[] v, int wo,
            int i, float lr, float mu, boolean nesterov) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int r = 0; r < rows; r++) {
            int dzo = r * h + hb;
            FloatVector g0 = FloatVector.fromArray(S, dz, dzo);
            FloatVector g1 = FloatVector.fromArray(S, dz, dzo + L);
            int xo = r * k + i;
            FloatVector xa = FloatVector.broadcast(S, x[xo]);
            FloatVector xb = FloatVector.broadcast(S, x[xo + 1]);
            FloatVector xc = FloatVector.broadcast(S, x[xo + 2]);
            FloatVector xd = FloatVector.broadcast(S, x[xo + 3]);
            a0 = g0.fma(xa, a0);
            a1 = g1.fma(xa, a1);
            b0 = g0.fma(xb, b0);
            b1 = g1.fma(xb, b1);
            c0 = g0.fma(xc, c0);
            c1 = g1.fma(xc, c1);
            d0 = g0.fma(xd, d0);
            d1 = g1.fma(xd, d1);
        }
        step(w, v, wo, a0, a1, lr, mu, nesterov);
        step(w, v, wo + BLOCK, b0, b1, lr, mu, nesterov);
        step(w, v, wo + 2 * BLOCK, c0, c1, lr, mu, nesterov);
        step(w, v, wo + 3 * BLOCK, d0, d1, lr, mu, nesterov);
    }

    private static void update1(float[] x, int rows, int k, float[] dz, int h, int hb, float[] w, float[] v, int wo,
            int i, float lr, float mu, boolean nesterov) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int r = 0; r < rows; r++) {
            int dzo = r * h + hb;
            FloatVector xa = FloatVector.broadcast(S, x[r * k + i]);
            a0 = FloatVector.fromArray(S, dz, dzo).fma(xa, a0);
            a1 = FloatVector.fromArray(S, dz, dzo + L).fma(xa, a1);
        }
        step(w, v, wo, a0, a1, lr, mu, nesterov);
    }

    private static void step(float[] w, float[] v, int o, FloatVector g0, FloatVector g1, float lr, float mu,
            boolean nesterov) {
        step(w, v, o, g0, lr, mu, nesterov);
        step(w, v, o + L, g1, lr, mu, nesterov);
    }

    /** The update of {@link Sgd#step}, with the same operation order (no fused multiply-add), on one vector. */
    private static void step(float[] w, float[] v, int o, FloatVector g, float lr, float mu, boolean nesterov) {
        FloatVector lrG = g.mul(lr);
        FloatVector vn = FloatVector.fromArray(S, v, o).mul(mu).sub(lrG);
        vn.intoArray(v, o);
        FloatVector wv = FloatVector.fromArray(S, w, o);
        (nesterov ? wv.add(vn.mul(mu).sub(lrG)) : wv.add(vn)).intoArray(w, o);
    }

    /** Scalar loops for a last panel narrower than {@link #BLOCK}. */
    private static final class ScalarTail {

        void forward(float[] x, int rows, int k, float[] w, int panel, int width, int h, int hb, float[] out) {
            for (int r = 0; r < rows; r++) {
                int o = r * h + hb;
                java.util.Arrays.fill(out, o, o + width, 0f);
                for (int i = 0; i < k; i++) {
                    float xv = x[r * k + i];
                    int wi = panel + i * width;
                    for (int u = 0; u < width; u++) {
                        out[o + u] += xv * w[wi + u];
                    }
                }
                for (int u = o; u < o + width; u++) {
                    out[u] = Math.max(out[u], 0f);
                }
            }
        }

        void update(float[] x, int rows, int k, float[] dz, int h, int hb, int width, float[] w, float[] v,
                int panel, float lr, float mu, boolean nesterov, float[] g) {
            for (int i = 0; i < k; i++) {
                java.util.Arrays.fill(g, 0, width, 0f);
                for (int r = 0; r < rows; r++) {
                    float xv = x[r * k + i];
                    for (int u = 0; u < width; u++) {
                        g[u] += xv * dz[r * h + hb + u];
                    }
                }
                Sgd.step(w, v, panel + i * width, g, 0, width, lr, mu, nesterov);
            }
        }
    }
}
