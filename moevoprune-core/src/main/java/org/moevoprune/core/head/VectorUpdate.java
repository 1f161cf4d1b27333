package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hidden layer's weight gradient fused with its SGD step, on the Java Vector API: {@link VectorKernel}'s
 * {@code hiddenUpdate}. A tile of {@value #TILE} panel rows × one panel (two vectors) accumulates its gradient in
 * registers over the batch, and the momentum step reads it from there: each weight and velocity vector is loaded
 * and stored once per step, and no gradient array exists.
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

    /** Panel rows per register tile: {@code 2 · TILE} accumulators stay in registers over the batch. */
    static final int TILE = 4;

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
            boolean nesterov) {
        int i = 0;
        for (; i + TILE <= k; i += TILE) {
            tile(x, rows, k, dz, dzo, i, w, v, lr, mu, nesterov);
        }
        for (; i < k; i++) {
            row(x, rows, k, dz, dzo, i, w, v, lr, mu, nesterov);
        }
    }

    private static void tile(float[] x, int rows, int k, float[] dz, int dzo, int i, float[] w, float[] v, float lr,
            float mu, boolean nesterov) {
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
        int o = i * BLOCK;
        step(a0, w, v, o, lr, mu, nesterov);
        step(a1, w, v, o + L, lr, mu, nesterov);
        step(b0, w, v, o + BLOCK, lr, mu, nesterov);
        step(b1, w, v, o + BLOCK + L, lr, mu, nesterov);
        step(c0, w, v, o + 2 * BLOCK, lr, mu, nesterov);
        step(c1, w, v, o + 2 * BLOCK + L, lr, mu, nesterov);
        step(d0, w, v, o + 3 * BLOCK, lr, mu, nesterov);
        step(d1, w, v, o + 3 * BLOCK + L, lr, mu, nesterov);
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

    /** {@link Sgd#step} on one vector of weights whose gradient is {@code g}. */
    private static void step(FloatVector g, float[] w, float[] v, int o, float lr, float mu, boolean nesterov) {
        FloatVector lg = g.mul(lr);
        FloatVector vn = FloatVector.fromArray(S, v, o).mul(mu).sub(lg);
        vn.intoArray(v, o);
        FloatVector delta = nesterov ? vn.mul(mu).sub(lg) : vn;
        FloatVector.fromArray(S, w, o).add(delta).intoArray(w, o);
    }
}
