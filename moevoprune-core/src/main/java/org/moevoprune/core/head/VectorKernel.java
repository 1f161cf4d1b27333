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


    /** One class per pass over the activations, two accumulators, the reduction once per class. */
    @Override
    void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        int vh = h - h % BLOCK;
        for (int j = 0; j < c; j++) {
            int p = j * h;
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = s0;
            for (int u = 0; u < vh; u += BLOCK) {
                s0 = FloatVector.fromArray(S, act, ao + u).fma(FloatVector.fromArray(S, w2t, p + u), s0);
                s1 = FloatVector.fromArray(S, act, ao + u + L).fma(FloatVector.fromArray(S, w2t, p + u + L), s1);
            }
            float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (int u = vh; u < h; u++) {
                sum += act[ao + u] * w2t[p + u];
            }
            out[oo + j] = bias[j] + sum;
        }
    }

    /**
     * One vector of hidden units at a time, all classes accumulated in a register, one store. Writes {@code dz}
     * panel-major, the layout {@link #hiddenUpdate} reads: the panel of units {@code hb … hb + width} holds its
     * {@code rows × width} values row-major from index {@code hb · rows}.
     */
    @Override
    void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz) {
        int vh = h - h % L;
        for (int r = 0; r < rows; r++) {
            int ro = r * h;
            int lo = r * c;
            for (int u = 0; u < vh; u += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int j = 0; j < c; j++) {
                    acc = FloatVector.fromArray(S, w2t, j * h + u).fma(FloatVector.broadcast(S, dl[lo + j]), acc);
                }
                FloatVector a = FloatVector.fromArray(S, act, ro + u);
                acc.blend(0f, a.compare(VectorOperators.LE, 0f)).intoArray(dz, panelIndex(u, r, rows, h));
            }
            for (int u = vh; u < h; u++) {
                float s = 0f;
                for (int j = 0; j < c; j++) {
                    s += dl[lo + j] * w2t[j * h + u];
                }
                dz[panelIndex(u, r, rows, h)] = act[ro + u] > 0f ? s : 0f;
            }
        }
    }

    /** @return where unit {@code u} of row {@code r} sits in a panel-major {@code rows × h} array */
    private static int panelIndex(int u, int r, int rows, int h) {
        int hb = u - u % BLOCK;
        return hb * rows + r * Math.min(BLOCK, h - hb) + u - hb;
    }

    /** One vector of hidden units per class at a time, summed over the batch in a register, one store. */
    @Override
    void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb) {
        int vh = h - h % L;
        for (int j = 0; j < c; j++) {
            float bias = 0f;
            for (int r = 0; r < rows; r++) {
                bias += dl[r * c + j];
            }
            gb[j] = bias;
            int go = j * h;
            for (int u = 0; u < vh; u += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int r = 0; r < rows; r++) {
                    acc = FloatVector.fromArray(S, act, r * h + u).fma(FloatVector.broadcast(S, dl[r * c + j]), acc);
                }
                acc.intoArray(gw2t, go + u);
            }
            for (int u = vh; u < h; u++) {
                float s = 0f;
                for (int r = 0; r < rows; r++) {
                    s += act[r * h + u] * dl[r * c + j];
                }
                gw2t[go + u] = s;
            }
        }
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
