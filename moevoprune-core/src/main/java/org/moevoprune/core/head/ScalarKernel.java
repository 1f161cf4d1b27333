package org.moevoprune.core.head;

import java.util.Arrays;

/**
 * The portable {@link HeadKernel}: inner loops over one 64-wide panel row that HotSpot's C2 compiles to SIMD
 * code. Its speed is bounded by one store per multiply-add, which the Vector API kernel avoids.
 */
final class ScalarKernel extends HeadKernel {

    private static final int BLOCK = 64;

    @Override
    String name() {
        return "scalar";
    }

    @Override
    int block() {
        return BLOCK;
    }

    @Override
    void hiddenForward(float[] x, int rows, int k, float[][] panels, int h, float[] out, float[] scratch) {
        for (int hb = 0; hb < h; hb += BLOCK) {
            int width = Math.min(BLOCK, h - hb);
            float[] panel = panels[hb / BLOCK];
            for (int r = 0; r < rows; r++) {
                int o = r * h + hb;
                int xo = r * k;
                Arrays.fill(out, o, o + width, 0f);
                for (int i = 0; i < k; i++) {
                    float xv = x[xo + i];
                    if (xv != 0f) {
                        axpy(xv, panel, i * width, out, o, width);
                    }
                }
                for (int u = o; u < o + width; u++) {
                    out[u] = Math.max(out[u], 0f);
                }
            }
        }
    }

    @Override
    void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[][] panels, float[][] velocity, float lr,
            float mu, boolean nesterov, float[] scratch) {
        for (int hb = 0; hb < h; hb += BLOCK) {
            int width = Math.min(BLOCK, h - hb);
            float[] panel = panels[hb / BLOCK];
            float[] v = velocity[hb / BLOCK];
            for (int i = 0; i < k; i++) {
                Arrays.fill(scratch, 0, width, 0f);
                for (int r = 0; r < rows; r++) {
                    float xv = x[r * k + i];
                    if (xv != 0f) {
                        axpy(xv, dz, r * h + hb, scratch, 0, width);
                    }
                }
                Sgd.step(panel, v, i * width, scratch, 0, width, lr, mu, nesterov);
            }
        }
    }

    @Override
    void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        for (int j = 0; j < c; j++) {
            out[oo + j] = bias[j] + dot(act, ao, w2t, j * h, h);
        }
    }

    @Override
    void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz) {
        Arrays.fill(dz, 0, rows * h, 0f);
        for (int r = 0; r < rows; r++) {
            int ao = r * h;
            for (int j = 0; j < c; j++) {
                axpy(dl[r * c + j], w2t, j * h, dz, ao, h);
            }
            for (int u = ao; u < ao + h; u++) {
                dz[u] = act[u] > 0f ? dz[u] : 0f;
            }
        }
    }

    @Override
    void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb) {
        Arrays.fill(gw2t, 0, c * h, 0f);
        Arrays.fill(gb, 0, c, 0f);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < c; j++) {
                float g = dl[r * c + j];
                gb[j] += g;
                axpy(g, act, r * h, gw2t, j * h, h);
            }
        }
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int u = 0;
        for (; u + 4 <= n; u += 4) {
            s0 += a[ao + u] * b[bo + u];
            s1 += a[ao + u + 1] * b[bo + u + 1];
            s2 += a[ao + u + 2] * b[bo + u + 2];
            s3 += a[ao + u + 3] * b[bo + u + 3];
        }
        for (; u < n; u++) {
            s0 += a[ao + u] * b[bo + u];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
        for (int u = 0; u < n; u++) {
            y[yo + u] += a * x[xo + u];
        }
    }
}
