package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hidden layer's weight gradient fused with its SGD step, on the Java Vector API: {@link VectorKernel}'s
 * {@code hiddenUpdate}. A tile of {@link #TILE} panel rows × one panel (two vectors) accumulates its gradient in
 * registers over the batch, parks it in a tile-sized buffer that stays in L1, and the momentum step follows at once:
 * each weight and velocity vector is loaded and stored once per step, and no gradient array of the layer's size
 * exists. (Stepping straight from the sixteen accumulators overran C2's inlining budget, which left the vector
 * operations un-intrinsified and allocating: 2× slower.)
 *
 * <p>Bit-identical to the unfused form (gradient into a buffer, then {@link Sgd#step}): each gradient is the same
 * chain of fused multiply-adds over the rows in order, and the step the same float multiplies and subtractions in
 * the same order ({@code v ← μv − lr·g}, {@code w ← w + (μv − lr·g)}), which Java never contracts.
 *
 * <p>{@code dz} arrives in {@link VectorKernel}'s panel-major layout, so a tile reads one contiguous run of
 * {@code rows × BLOCK} floats instead of {@code rows} lines a 2 KiB row apart that share a few L1 sets.
 *
 * <p>Loaded only through {@link VectorKernel}.
 */
final class VectorUpdate {

    /**
     * Panel rows per register tile: {@code 2 · TILE} accumulators stay in registers over the batch; eight rows
     * where the registers suffice ({@link VectorForward#WIDE}), else four.
     */
    static final int TILE = VectorForward.WIDE ? 8 : 4;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 2 * L;

    private VectorUpdate() {
    }

    /**
     * Updates one full panel ({@code BLOCK} wide): every panel row {@code i < k}.
     *
     * @param x {@code rows × k} inputs, row-major
     * @param rows the batch rows
     * @param k the active features
     * @param dz the panel's {@code rows × BLOCK} gradients at the pre-activations, starting at {@code dzo}
     * @param dzo the first of them
     * @param w the panel, updated in place
     * @param v its velocity, updated in place
     * @param lr the learning rate
     * @param mu the momentum
     * @param nesterov whether the step is Nesterov's
     */
    static void panel(float[] x, int rows, int k, float[] dz, int dzo, float[] w, float[] v, float lr, float mu,
            boolean nesterov, float[] g) {
        int i = 0;
        for (; i + TILE <= k; i += TILE) {
            if (TILE == 8) {
                tile(x, rows, k, dz, dzo, i, g);
            } else {
                tile4(x, rows, k, dz, dzo, i, g);
            }
            steps(g, TILE * BLOCK, w, v, i * BLOCK, lr, mu, nesterov);
        }
        for (; i < k; i++) {
            row(x, rows, k, dz, dzo, i, w, v, lr, mu, nesterov);
        }
    }

    private static void tile(float[] x, int rows, int k, float[] dz, int dzo, int i, float[] out) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        FloatVector e0 = a0;
        FloatVector e1 = a0;
        FloatVector f0 = a0;
        FloatVector f1 = a0;
        FloatVector p0 = a0;
        FloatVector p1 = a0;
        FloatVector q0 = a0;
        FloatVector q1 = a0;
        for (int r = 0, g = dzo, xo = i; r < rows; r++, g += BLOCK, xo += k) {
            FloatVector g0 = FloatVector.fromArray(S, dz, g);
            FloatVector g1 = FloatVector.fromArray(S, dz, g + L);
            FloatVector xv = FloatVector.broadcast(S, x[xo]);
            a0 = g0.fma(xv, a0);
            a1 = g1.fma(xv, a1);
            xv = FloatVector.broadcast(S, x[xo + 1]);
            b0 = g0.fma(xv, b0);
            b1 = g1.fma(xv, b1);
            xv = FloatVector.broadcast(S, x[xo + 2]);
            c0 = g0.fma(xv, c0);
            c1 = g1.fma(xv, c1);
            xv = FloatVector.broadcast(S, x[xo + 3]);
            d0 = g0.fma(xv, d0);
            d1 = g1.fma(xv, d1);
            xv = FloatVector.broadcast(S, x[xo + 4]);
            e0 = g0.fma(xv, e0);
            e1 = g1.fma(xv, e1);
            xv = FloatVector.broadcast(S, x[xo + 5]);
            f0 = g0.fma(xv, f0);
            f1 = g1.fma(xv, f1);
            xv = FloatVector.broadcast(S, x[xo + 6]);
            p0 = g0.fma(xv, p0);
            p1 = g1.fma(xv, p1);
            xv = FloatVector.broadcast(S, x[xo + 7]);
            q0 = g0.fma(xv, q0);
            q1 = g1.fma(xv, q1);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, L);
        b0.intoArray(out, BLOCK);
        b1.intoArray(out, BLOCK + L);
        c0.intoArray(out, 2 * BLOCK);
        c1.intoArray(out, 2 * BLOCK + L);
        d0.intoArray(out, 3 * BLOCK);
        d1.intoArray(out, 3 * BLOCK + L);
        e0.intoArray(out, 4 * BLOCK);
        e1.intoArray(out, 4 * BLOCK + L);
        f0.intoArray(out, 5 * BLOCK);
        f1.intoArray(out, 5 * BLOCK + L);
        p0.intoArray(out, 6 * BLOCK);
        p1.intoArray(out, 6 * BLOCK + L);
        q0.intoArray(out, 7 * BLOCK);
        q1.intoArray(out, 7 * BLOCK + L);
    }

    private static void tile4(float[] x, int rows, int k, float[] dz, int dzo, int i, float[] out) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int r = 0, g = dzo, xo = i; r < rows; r++, g += BLOCK, xo += k) {
            FloatVector g0 = FloatVector.fromArray(S, dz, g);
            FloatVector g1 = FloatVector.fromArray(S, dz, g + L);
            FloatVector xv = FloatVector.broadcast(S, x[xo]);
            a0 = g0.fma(xv, a0);
            a1 = g1.fma(xv, a1);
            xv = FloatVector.broadcast(S, x[xo + 1]);
            b0 = g0.fma(xv, b0);
            b1 = g1.fma(xv, b1);
            xv = FloatVector.broadcast(S, x[xo + 2]);
            c0 = g0.fma(xv, c0);
            c1 = g1.fma(xv, c1);
            xv = FloatVector.broadcast(S, x[xo + 3]);
            d0 = g0.fma(xv, d0);
            d1 = g1.fma(xv, d1);
        }
        a0.intoArray(out, 0);
        a1.intoArray(out, L);
        b0.intoArray(out, BLOCK);
        b1.intoArray(out, BLOCK + L);
        c0.intoArray(out, 2 * BLOCK);
        c1.intoArray(out, 2 * BLOCK + L);
        d0.intoArray(out, 3 * BLOCK);
        d1.intoArray(out, 3 * BLOCK + L);
    }

    private static void steps(float[] g, int n, float[] w, float[] v, int o, float lr, float mu, boolean nesterov) {
        for (int j = 0; j < n; j += L) {
            step(FloatVector.fromArray(S, g, j), w, v, o + j, lr, mu, nesterov);
        }
    }

    private static void row(float[] x, int rows, int k, float[] dz, int dzo, int i, float[] w, float[] v, float lr,
            float mu, boolean nesterov) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int r = 0, g = dzo, xo = i; r < rows; r++, g += BLOCK, xo += k) {
            FloatVector xa = FloatVector.broadcast(S, x[xo]);
            a0 = FloatVector.fromArray(S, dz, g).fma(xa, a0);
            a1 = FloatVector.fromArray(S, dz, g + L).fma(xa, a1);
        }
        step(a0, w, v, i * BLOCK, lr, mu, nesterov);
        step(a1, w, v, i * BLOCK + L, lr, mu, nesterov);
    }

    /**
     * {@link Sgd#step} over the first {@code n} weights: whole vectors here, the rest in {@link Sgd#step} itself.
     * Bit-identical to {@link Sgd#step}: the same multiplies and subtractions in the same order.
     */
    static void step(float[] w, float[] v, float[] g, int n, float lr, float mu, boolean nesterov) {
        int j = 0;
        for (; j + L <= n; j += L) {
            step(FloatVector.fromArray(S, g, j), w, v, j, lr, mu, nesterov);
        }
        Sgd.step(w, v, j, g, j, n - j, lr, mu, nesterov);
    }

    /** {@link Sgd#step} on one vector of weights whose gradient is {@code g}. */
    private static void step(FloatVector g, float[] w, float[] v, int o, float lr, float mu, boolean nesterov) {
        FloatVector lg = g.mul(lr);
        FloatVector vn = FloatVector.fromArray(S, v, o).mul(mu).sub(lg);
        vn.intoArray(v, o);
        FloatVector delta = nesterov ? vn.mul(mu).sub(lg) : vn;
        FloatVector.fromArray(S, w, o).add(delta).intoArray(w, o);
    }
}
