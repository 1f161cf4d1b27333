package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hidden layer's forward pass over the full panels, on the Java Vector API: {@link VectorKernel}'s
 * {@code hiddenForward} before its ReLU. Up to {@value #CHUNK} rows at a time are first interleaved in groups of
 * eight ({@code xs[g·8k + 8i + j] = x[8g + j, i]}), so that a micro-kernel reads its rows' inputs as one short
 * contiguous run instead of eight streams a row apart; then each panel is read once per chunk while it is hot in
 * L2, its row groups computed one after another in register tiles of eight rows × two vectors (sixteen
 * accumulators, each weight vector loaded once for eight fused multiply-adds; four rows where the registers are
 * fewer, see {@link #WIDE}). Groups of four and single rows take the rest.
 *
 * <p>Every output is one chain of fused multiply-adds over {@code i = 0 … k−1} from zero, whatever the tile: the
 * result does not depend on the grouping, the chunking or the row count.
 *
 * <p>Shaped for C2, which has one inlining budget per compiled method and leaves vector operations beyond it
 * un-intrinsified (they then allocate an array per operation: measured up to 9× slower): each micro-kernel is a
 * method of its own holding one loop. Loaded only through {@link VectorKernel}.
 */
final class VectorForward {

    /** Rows interleaved per pass over the panels. */
    static final int CHUNK = 64;

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 2 * L;
    /**
     * Whether tiles of eight rows fit the registers: their 16 accumulators, two weight vectors and a broadcast need
     * more than AVX2's 16 vector registers (spilled, the forward pass ran 35 % slower than with four-row tiles), but
     * fit AVX-512's 32, which the 512-bit species implies.
     */
    static final boolean WIDE = L >= 16;

    private VectorForward() {
    }

    /**
     * @param k the active features
     * @return the floats {@link #forward} needs as working space
     */
    static int scratchSize(int k) {
        return CHUNK * Math.max(k, 1);
    }

    /**
     * {@code out[r·h + u] = Σ_i x[r·k + i] · W[i, u]} for the units of the full panels, without the ReLU.
     *
     * @param x {@code rows × k} inputs, row-major
     * @param rows the rows
     * @param k the active features
     * @param panels the hidden kernel, panels of {@code BLOCK} columns
     * @param full the units covered by full panels ({@code h} rounded down to a multiple of {@code BLOCK})
     * @param h the hidden units (the row stride of {@code out})
     * @param out receives the pre-activations
     * @param xs at least {@link #scratchSize(int) scratchSize(k)} floats
     */
    static void forward(float[] x, int rows, int k, float[][] panels, int full, int h, float[] out, float[] xs) {
        for (int c0 = 0; c0 < rows; c0 += CHUNK) {
            int n = Math.min(CHUNK, rows - c0);
            int n8 = WIDE ? n - n % 8 : 0;
            int n4 = n - n % 4;
            interleave(x, c0 * k, n8, 8, k, xs);
            interleave(x, (c0 + n8) * k, n4 - n8, 4, k, xs, n8 * k);
            for (int hb = 0; hb < full; hb += BLOCK) {
                float[] w = panels[hb / BLOCK];
                for (int g = 0; g < n8; g += 8) {
                    forward8(xs, g * k, k, w, out, (c0 + g) * h + hb, h);
                }
                for (int g = n8; g < n4; g += 4) {
                    forward4(xs, g * k, k, w, out, (c0 + g) * h + hb, h);
                }
                for (int r = c0 + n4; r < c0 + n; r++) {
                    forward1(x, r * k, k, w, out, r * h + hb);
                }
            }
        }
    }

    private static void interleave(float[] x, int from, int rows, int group, int k, float[] xs) {
        interleave(x, from, rows, group, k, xs, 0);
    }

    /** Groups of {@code group} rows from {@code x[from …]}: {@code xs[to + g·group·k + group·i + j]}. */
    private static void interleave(float[] x, int from, int rows, int group, int k, float[] xs, int to) {
        for (int g = 0; g < rows; g += group) {
            int base = to + g * k;
            for (int j = 0; j < group; j++) {
                int src = from + (g + j) * k;
                for (int i = 0; i < k; i++) {
                    xs[base + group * i + j] = x[src + i];
                }
            }
        }
    }

    private static void forward8(float[] xs, int xo, int k, float[] w, float[] out, int o, int h) {
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
        for (int i = 0, wi = 0, xi = xo; i < k; i++, wi += BLOCK, xi += 8) {
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector xv = FloatVector.broadcast(S, xs[xi]);
            a0 = w0.fma(xv, a0);
            a1 = w1.fma(xv, a1);
            xv = FloatVector.broadcast(S, xs[xi + 1]);
            b0 = w0.fma(xv, b0);
            b1 = w1.fma(xv, b1);
            xv = FloatVector.broadcast(S, xs[xi + 2]);
            c0 = w0.fma(xv, c0);
            c1 = w1.fma(xv, c1);
            xv = FloatVector.broadcast(S, xs[xi + 3]);
            d0 = w0.fma(xv, d0);
            d1 = w1.fma(xv, d1);
            xv = FloatVector.broadcast(S, xs[xi + 4]);
            e0 = w0.fma(xv, e0);
            e1 = w1.fma(xv, e1);
            xv = FloatVector.broadcast(S, xs[xi + 5]);
            f0 = w0.fma(xv, f0);
            f1 = w1.fma(xv, f1);
            xv = FloatVector.broadcast(S, xs[xi + 6]);
            p0 = w0.fma(xv, p0);
            p1 = w1.fma(xv, p1);
            xv = FloatVector.broadcast(S, xs[xi + 7]);
            q0 = w0.fma(xv, q0);
            q1 = w1.fma(xv, q1);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        b0.intoArray(out, o + h);
        b1.intoArray(out, o + h + L);
        c0.intoArray(out, o + 2 * h);
        c1.intoArray(out, o + 2 * h + L);
        d0.intoArray(out, o + 3 * h);
        d1.intoArray(out, o + 3 * h + L);
        e0.intoArray(out, o + 4 * h);
        e1.intoArray(out, o + 4 * h + L);
        f0.intoArray(out, o + 5 * h);
        f1.intoArray(out, o + 5 * h + L);
        p0.intoArray(out, o + 6 * h);
        p1.intoArray(out, o + 6 * h + L);
        q0.intoArray(out, o + 7 * h);
        q1.intoArray(out, o + 7 * h + L);
    }

    private static void forward4(float[] xs, int xo, int k, float[] w, float[] out, int o, int h) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int i = 0, wi = 0, xi = xo; i < k; i++, wi += BLOCK, xi += 4) {
            FloatVector w0 = FloatVector.fromArray(S, w, wi);
            FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
            FloatVector xv = FloatVector.broadcast(S, xs[xi]);
            a0 = w0.fma(xv, a0);
            a1 = w1.fma(xv, a1);
            xv = FloatVector.broadcast(S, xs[xi + 1]);
            b0 = w0.fma(xv, b0);
            b1 = w1.fma(xv, b1);
            xv = FloatVector.broadcast(S, xs[xi + 2]);
            c0 = w0.fma(xv, c0);
            c1 = w1.fma(xv, c1);
            xv = FloatVector.broadcast(S, xs[xi + 3]);
            d0 = w0.fma(xv, d0);
            d1 = w1.fma(xv, d1);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
        b0.intoArray(out, o + h);
        b1.intoArray(out, o + h + L);
        c0.intoArray(out, o + 2 * h);
        c1.intoArray(out, o + 2 * h + L);
        d0.intoArray(out, o + 3 * h);
        d1.intoArray(out, o + 3 * h + L);
    }

    private static void forward1(float[] x, int xo, int k, float[] w, float[] out, int o) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int i = 0, wi = 0; i < k; i++, wi += BLOCK) {
            FloatVector xv = FloatVector.broadcast(S, x[xo + i]);
            a0 = FloatVector.fromArray(S, w, wi).fma(xv, a0);
            a1 = FloatVector.fromArray(S, w, wi + L).fma(xv, a1);
        }
        a0.intoArray(out, o);
        a1.intoArray(out, o + L);
    }
}
