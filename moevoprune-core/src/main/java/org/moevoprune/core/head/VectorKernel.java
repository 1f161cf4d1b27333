package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link HeadKernel} on the Java Vector API: panels two vectors wide (32 floats with AVX-512, 16 with AVX2) and
 * register-blocked micro-kernels in three helpers: {@link VectorForward} (eight rows × two vectors per tile, each
 * weight vector loaded once for eight fused multiply-adds), {@link VectorUpdate} (the weight gradient fused with
 * the SGD step, eight panel rows × two vectors per tile) and {@link VectorOutput} (the output layer, several FMA
 * chains side by side). A narrower last panel (when the hidden width is not a multiple of the panel) runs scalar
 * loops.
 *
 * <p>Every result is bit-identical to the kernel's earlier, unfused and less blocked form: tiling only changes
 * which chains run side by side, never the order of the operations within one output.
 *
 * <p>Loaded reflectively by {@link HeadKernel#best()} only when {@code jdk.incubator.vector} is in the boot layer;
 * nothing else may refer to this class or its helpers.
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

    /** The forward pass's interleaved rows or the update's gradient tile, whichever is larger. */
    @Override
    int scratchSize(int k) {
        return Math.max(VectorForward.scratchSize(k), VectorUpdate.TILE * BLOCK);
    }

    @Override
    void hiddenForward(float[] x, int rows, int k, float[][] panels, int h, float[] out, float[] scratch) {
        int tail = h - h % BLOCK;
        VectorForward.forward(x, rows, k, panels, tail, h, out, scratch);
        relu(out, rows, h, tail);
        if (tail < h) {
            this.tail.forward(x, rows, k, panels[tail / BLOCK], h - tail, h, tail, out);
        }
    }

    /** ReLU of the first {@code width} units of each row, as a plain loop that C2 vectorises. */
    private static void relu(float[] out, int rows, int h, int width) {
        for (int r = 0; r < rows; r++) {
            for (int u = r * h; u < r * h + width; u++) {
                out[u] = Math.max(out[u], 0f);
            }
        }
    }

    @Override
    void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        VectorOutput.logitsRow(act, ao, h, w2t, bias, c, out, oo);
    }

    @Override
    void logits(float[] act, int rows, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        VectorOutput.logits(act, rows, h, w2t, bias, c, out, oo);
    }

    /**
     * Writes {@code dz} panel-major, the layout {@link #hiddenUpdate} reads: the panel of units
     * {@code hb … hb + width} holds its {@code rows × width} values row-major from index {@code hb · rows}.
     */
    @Override
    void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz) {
        VectorOutput.hiddenGradient(dl, rows, c, w2t, h, act, dz);
    }

    /** @return where unit {@code u} of row {@code r} sits in a panel-major {@code rows × h} array */
    static int panelIndex(int u, int r, int rows, int h) {
        int hb = u - u % BLOCK;
        return hb * rows + r * Math.min(BLOCK, h - hb) + u - hb;
    }

    @Override
    void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb) {
        VectorOutput.outputGradient(act, dl, rows, h, c, gw2t, gb);
    }

    /** Full panels through {@link VectorUpdate} (gradient and step fused per register tile), the last one scalar. */
    @Override
    void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[][] panels, float[][] velocity,
            float lr, float mu, boolean nesterov, float[] scratch) {
        for (int hb = 0; hb < h; hb += BLOCK) {
            float[] w = panels[hb / BLOCK];
            float[] v = velocity[hb / BLOCK];
            if (h - hb < BLOCK) {
                tail.update(x, rows, k, dz, hb * rows, h - hb, w, v, lr, mu, nesterov, scratch);
            } else {
                VectorUpdate.panel(x, rows, k, dz, hb * rows, w, v, lr, mu, nesterov, scratch);
            }
        }
    }

    /**
     * Whole vectors through {@link VectorUpdate#step(float[], float[], float[], int, float, float, boolean)}, the rest
     * scalar: the output layer's {@code H × C} weights took about 3.5 µs per update as a plain loop, which C2 did not
     * vectorise.
     */
    @Override
    void step(float[] w, float[] v, float[] g, int n, float lr, float mu, boolean nesterov) {
        VectorUpdate.step(w, v, g, n, lr, mu, nesterov);
    }

    /** Scalar loops for a last panel narrower than {@link #BLOCK}. */
    private static final class ScalarTail {

        void forward(float[] x, int rows, int k, float[] w, int width, int h, int hb, float[] out) {
            for (int r = 0; r < rows; r++) {
                int o = r * h + hb;
                java.util.Arrays.fill(out, o, o + width, 0f);
                for (int i = 0; i < k; i++) {
                    float xv = x[r * k + i];
                    int wi = i * width;
                    for (int u = 0; u < width; u++) {
                        out[o + u] += xv * w[wi + u];
                    }
                }
                for (int u = o; u < o + width; u++) {
                    out[u] = Math.max(out[u], 0f);
                }
            }
        }

        /** The last panel's update; its {@code dz} is {@code rows × width} row-major from {@code dzo}. */
        void update(float[] x, int rows, int k, float[] dz, int dzo, int width, float[] w, float[] v,
                float lr, float mu, boolean nesterov, float[] g) {
            for (int i = 0; i < k; i++) {
                java.util.Arrays.fill(g, 0, width, 0f);
                for (int r = 0; r < rows; r++) {
                    float xv = x[r * k + i];
                    for (int u = 0; u < width; u++) {
                        g[u] += xv * dz[dzo + r * width + u];
                    }
                }
                Sgd.step(w, v, i * width, g, 0, width, lr, mu, nesterov);
            }
        }
    }
}
