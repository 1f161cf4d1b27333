package org.moevoprune.core.head;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The output layer's small kernels on the Java Vector API ({@link VectorKernel}'s {@code logitsRow}, {@code logits},
 * {@code hiddenGradient} and {@code outputGradient}). Each output is a short chain of fused multiply-adds (over the
 * hidden units, the classes or the batch rows); run one at a time, the chains wait on the FMA latency. Here several
 * independent chains run side by side (four classes, two rows × four classes, or four rows × two vectors), each
 * still in its original order from zero, so the results are bit-identical to one chain at a time.
 *
 * <p>Loaded only through {@link VectorKernel}.
 */
final class VectorOutput {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 2 * L;

    /**
     * Lanes of a logit's partial sums, added one by one: per thread, since {@link VectorKernel} is shared.
     * {@code reduceLanes(ADD)} is not ordered: on JDK 25 C2 adds the lanes as a tree while the interpreter adds them
     * in order, so logits (and trained heads) changed from run to run with the JIT's timing.
     */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[L]);

    private VectorOutput() {
    }

    /**
     * One row of logits: per class two accumulators over the units (even and odd vectors of each {@code BLOCK}),
     * added, their lanes summed in order from lane 0 (as JDK 17's {@code reduceLanes(ADD)} did, in C2 and in the
     * interpreter), then the units past the last full {@code BLOCK} one by one, then the bias.
     */
    static void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        int vh = h - h % BLOCK;
        float[] lanes = LANES.get();
        int j = 0;
        for (; j + 4 <= c; j += 4) {
            logits4(act, ao, h, vh, w2t, bias, j, out, oo, lanes);
        }
        for (; j < c; j++) {
            out[oo + j] = logit(act, ao, h, vh, w2t, j, bias[j], lanes);
        }
    }

    /**
     * The logits of {@code rows} rows ({@code act} and {@code out} from index 0 and {@code oo}): two rows × four
     * classes at a time (sixteen accumulators; each weight vector loaded once for both rows), each logit the same
     * chains and lane sum as in {@link #logitsRow}, so the same value.
     */
    static void logits(float[] act, int rows, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        int vh = h - h % BLOCK;
        float[] lanes = LANES.get();
        int r = 0;
        for (; r + 2 <= rows; r += 2) {
            int j = 0;
            for (; j + 4 <= c; j += 4) {
                logits2x4(act, r * h, h, vh, w2t, bias, j, out, oo + r * c, c, lanes);
            }
            for (; j < c; j++) {
                out[oo + r * c + j] = logit(act, r * h, h, vh, w2t, j, bias[j], lanes);
                out[oo + (r + 1) * c + j] = logit(act, (r + 1) * h, h, vh, w2t, j, bias[j], lanes);
            }
        }
        for (; r < rows; r++) {
            logitsRow(act, r * h, h, w2t, bias, c, out, oo + r * c);
        }
    }

    /** One logit: class {@code j} of the row at {@code ao}. */
    private static float logit(float[] act, int ao, int h, int vh, float[] w2t, int j, float bias, float[] lanes) {
        int p = j * h;
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        for (int u = 0; u < vh; u += BLOCK) {
            s0 = FloatVector.fromArray(S, act, ao + u).fma(FloatVector.fromArray(S, w2t, p + u), s0);
            s1 = FloatVector.fromArray(S, act, ao + u + L).fma(FloatVector.fromArray(S, w2t, p + u + L), s1);
        }
        return finish(s0, s1, act, ao, h, vh, w2t, p, bias, lanes);
    }

    /** Classes {@code j … j + 3} of the rows at {@code ao} and {@code ao + h}, into {@code out[oo …]}. */
    private static void logits2x4(float[] act, int ao, int h, int vh, float[] w2t, float[] bias, int j, float[] out,
            int oo, int c, float[] lanes) {
        int p = j * h;
        int bo = ao + h;
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
        FloatVector g0 = a0;
        FloatVector g1 = a0;
        FloatVector k0 = a0;
        FloatVector k1 = a0;
        for (int u = 0; u < vh; u += BLOCK) {
            FloatVector x0 = FloatVector.fromArray(S, act, ao + u);
            FloatVector x1 = FloatVector.fromArray(S, act, ao + u + L);
            FloatVector y0 = FloatVector.fromArray(S, act, bo + u);
            FloatVector y1 = FloatVector.fromArray(S, act, bo + u + L);
            FloatVector w = FloatVector.fromArray(S, w2t, p + u);
            a0 = x0.fma(w, a0);
            e0 = y0.fma(w, e0);
            w = FloatVector.fromArray(S, w2t, p + u + L);
            a1 = x1.fma(w, a1);
            e1 = y1.fma(w, e1);
            w = FloatVector.fromArray(S, w2t, p + h + u);
            b0 = x0.fma(w, b0);
            f0 = y0.fma(w, f0);
            w = FloatVector.fromArray(S, w2t, p + h + u + L);
            b1 = x1.fma(w, b1);
            f1 = y1.fma(w, f1);
            w = FloatVector.fromArray(S, w2t, p + 2 * h + u);
            c0 = x0.fma(w, c0);
            g0 = y0.fma(w, g0);
            w = FloatVector.fromArray(S, w2t, p + 2 * h + u + L);
            c1 = x1.fma(w, c1);
            g1 = y1.fma(w, g1);
            w = FloatVector.fromArray(S, w2t, p + 3 * h + u);
            d0 = x0.fma(w, d0);
            k0 = y0.fma(w, k0);
            w = FloatVector.fromArray(S, w2t, p + 3 * h + u + L);
            d1 = x1.fma(w, d1);
            k1 = y1.fma(w, k1);
        }
        int o = oo + j;
        out[o] = finish(a0, a1, act, ao, h, vh, w2t, p, bias[j], lanes);
        out[o + 1] = finish(b0, b1, act, ao, h, vh, w2t, p + h, bias[j + 1], lanes);
        out[o + 2] = finish(c0, c1, act, ao, h, vh, w2t, p + 2 * h, bias[j + 2], lanes);
        out[o + 3] = finish(d0, d1, act, ao, h, vh, w2t, p + 3 * h, bias[j + 3], lanes);
        out[o + c] = finish(e0, e1, act, bo, h, vh, w2t, p, bias[j], lanes);
        out[o + c + 1] = finish(f0, f1, act, bo, h, vh, w2t, p + h, bias[j + 1], lanes);
        out[o + c + 2] = finish(g0, g1, act, bo, h, vh, w2t, p + 2 * h, bias[j + 2], lanes);
        out[o + c + 3] = finish(k0, k1, act, bo, h, vh, w2t, p + 3 * h, bias[j + 3], lanes);
    }

    private static void logits4(float[] act, int ao, int h, int vh, float[] w2t, float[] bias, int j, float[] out,
            int oo, float[] lanes) {
        int p = j * h;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int u = 0; u < vh; u += BLOCK) {
            FloatVector x0 = FloatVector.fromArray(S, act, ao + u);
            FloatVector x1 = FloatVector.fromArray(S, act, ao + u + L);
            a0 = x0.fma(FloatVector.fromArray(S, w2t, p + u), a0);
            a1 = x1.fma(FloatVector.fromArray(S, w2t, p + u + L), a1);
            b0 = x0.fma(FloatVector.fromArray(S, w2t, p + h + u), b0);
            b1 = x1.fma(FloatVector.fromArray(S, w2t, p + h + u + L), b1);
            c0 = x0.fma(FloatVector.fromArray(S, w2t, p + 2 * h + u), c0);
            c1 = x1.fma(FloatVector.fromArray(S, w2t, p + 2 * h + u + L), c1);
            d0 = x0.fma(FloatVector.fromArray(S, w2t, p + 3 * h + u), d0);
            d1 = x1.fma(FloatVector.fromArray(S, w2t, p + 3 * h + u + L), d1);
        }
        out[oo + j] = finish(a0, a1, act, ao, h, vh, w2t, p, bias[j], lanes);
        out[oo + j + 1] = finish(b0, b1, act, ao, h, vh, w2t, p + h, bias[j + 1], lanes);
        out[oo + j + 2] = finish(c0, c1, act, ao, h, vh, w2t, p + 2 * h, bias[j + 2], lanes);
        out[oo + j + 3] = finish(d0, d1, act, ao, h, vh, w2t, p + 3 * h, bias[j + 3], lanes);
    }

    private static float finish(FloatVector s0, FloatVector s1, float[] act, int ao, int h, int vh, float[] w2t,
            int p, float bias, float[] lanes) {
        s0.add(s1).intoArray(lanes, 0);
        float sum = 0f;
        for (int l = 0; l < L; l++) {
            sum += lanes[l];
        }
        for (int u = vh; u < h; u++) {
            sum += act[ao + u] * w2t[p + u];
        }
        return bias + sum;
    }

    /**
     * {@code dz} (panel-major, see {@link VectorKernel#hiddenGradient}): four rows × two vectors of units at a time,
     * each a chain over the classes, masked by the ReLU; the units past the last full vector one by one.
     */
    static void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz) {
        int vh = h - h % L;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int u = 0;
            for (; u + 2 * L <= vh; u += 2 * L) {
                hidden4(dl, r, rows, c, w2t, h, u, act, dz);
            }
            for (; u < vh; u += L) {
                for (int q = r; q < r + 4; q++) {
                    hidden1(dl, q, rows, c, w2t, h, u, act, dz);
                }
            }
        }
        for (; r < rows; r++) {
            for (int u = 0; u < vh; u += L) {
                hidden1(dl, r, rows, c, w2t, h, u, act, dz);
            }
        }
        for (int q = 0; q < rows; q++) {
            for (int u = vh; u < h; u++) {
                float s = 0f;
                for (int j = 0; j < c; j++) {
                    s += dl[q * c + j] * w2t[j * h + u];
                }
                dz[VectorKernel.panelIndex(u, q, rows, h)] = act[q * h + u] > 0f ? s : 0f;
            }
        }
    }

    private static void hidden4(float[] dl, int r, int rows, int c, float[] w2t, int h, int u, float[] act,
            float[] dz) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int j = 0, lo = r * c, p = u; j < c; j++, lo++, p += h) {
            FloatVector w0 = FloatVector.fromArray(S, w2t, p);
            FloatVector w1 = FloatVector.fromArray(S, w2t, p + L);
            FloatVector g = FloatVector.broadcast(S, dl[lo]);
            a0 = w0.fma(g, a0);
            a1 = w1.fma(g, a1);
            g = FloatVector.broadcast(S, dl[lo + c]);
            b0 = w0.fma(g, b0);
            b1 = w1.fma(g, b1);
            g = FloatVector.broadcast(S, dl[lo + 2 * c]);
            c0 = w0.fma(g, c0);
            c1 = w1.fma(g, c1);
            g = FloatVector.broadcast(S, dl[lo + 3 * c]);
            d0 = w0.fma(g, d0);
            d1 = w1.fma(g, d1);
        }
        relu(a0, act, r * h + u, dz, VectorKernel.panelIndex(u, r, rows, h));
        relu(a1, act, r * h + u + L, dz, VectorKernel.panelIndex(u + L, r, rows, h));
        relu(b0, act, (r + 1) * h + u, dz, VectorKernel.panelIndex(u, r + 1, rows, h));
        relu(b1, act, (r + 1) * h + u + L, dz, VectorKernel.panelIndex(u + L, r + 1, rows, h));
        relu(c0, act, (r + 2) * h + u, dz, VectorKernel.panelIndex(u, r + 2, rows, h));
        relu(c1, act, (r + 2) * h + u + L, dz, VectorKernel.panelIndex(u + L, r + 2, rows, h));
        relu(d0, act, (r + 3) * h + u, dz, VectorKernel.panelIndex(u, r + 3, rows, h));
        relu(d1, act, (r + 3) * h + u + L, dz, VectorKernel.panelIndex(u + L, r + 3, rows, h));
    }

    private static void hidden1(float[] dl, int r, int rows, int c, float[] w2t, int h, int u, float[] act,
            float[] dz) {
        FloatVector acc = FloatVector.zero(S);
        for (int j = 0; j < c; j++) {
            acc = FloatVector.fromArray(S, w2t, j * h + u).fma(FloatVector.broadcast(S, dl[r * c + j]), acc);
        }
        relu(acc, act, r * h + u, dz, VectorKernel.panelIndex(u, r, rows, h));
    }

    /** Stores {@code g} where the activation is positive, 0 elsewhere. */
    private static void relu(FloatVector g, float[] act, int ao, float[] dz, int o) {
        FloatVector a = FloatVector.fromArray(S, act, ao);
        g.blend(0f, a.compare(VectorOperators.LE, 0f)).intoArray(dz, o);
    }

    /**
     * The output kernel's gradient: per two vectors of units, four classes at a time, then two, each a chain over the
     * rows; the bias gradient, a last odd class and the units past the last full vector one by one.
     */
    static void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb) {
        for (int j = 0; j < c; j++) {
            float bias = 0f;
            for (int r = 0; r < rows; r++) {
                bias += dl[r * c + j];
            }
            gb[j] = bias;
        }
        int vh = h - h % L;
        int u = 0;
        for (; u + 2 * L <= vh; u += 2 * L) {
            int j = 0;
            for (; j + 4 <= c; j += 4) {
                output4(act, dl, rows, h, c, u, j, gw2t);
            }
            for (; j + 2 <= c; j += 2) {
                output2(act, dl, rows, h, c, u, j, gw2t);
            }
            for (; j < c; j++) {
                output1(act, dl, rows, h, c, u, j, gw2t);
                output1(act, dl, rows, h, c, u + L, j, gw2t);
            }
        }
        for (; u < vh; u += L) {
            for (int j = 0; j < c; j++) {
                output1(act, dl, rows, h, c, u, j, gw2t);
            }
        }
        for (int j = 0; j < c; j++) {
            for (u = vh; u < h; u++) {
                float s = 0f;
                for (int r = 0; r < rows; r++) {
                    s += act[r * h + u] * dl[r * c + j];
                }
                gw2t[j * h + u] = s;
            }
        }
    }

    private static void output4(float[] act, float[] dl, int rows, int h, int c, int u, int j, float[] gw2t) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector c0 = a0;
        FloatVector c1 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        for (int r = 0, ao = u, lo = j; r < rows; r++, ao += h, lo += c) {
            FloatVector x0 = FloatVector.fromArray(S, act, ao);
            FloatVector x1 = FloatVector.fromArray(S, act, ao + L);
            FloatVector g = FloatVector.broadcast(S, dl[lo]);
            a0 = x0.fma(g, a0);
            a1 = x1.fma(g, a1);
            g = FloatVector.broadcast(S, dl[lo + 1]);
            b0 = x0.fma(g, b0);
            b1 = x1.fma(g, b1);
            g = FloatVector.broadcast(S, dl[lo + 2]);
            c0 = x0.fma(g, c0);
            c1 = x1.fma(g, c1);
            g = FloatVector.broadcast(S, dl[lo + 3]);
            d0 = x0.fma(g, d0);
            d1 = x1.fma(g, d1);
        }
        int o = j * h + u;
        a0.intoArray(gw2t, o);
        a1.intoArray(gw2t, o + L);
        b0.intoArray(gw2t, o + h);
        b1.intoArray(gw2t, o + h + L);
        c0.intoArray(gw2t, o + 2 * h);
        c1.intoArray(gw2t, o + 2 * h + L);
        d0.intoArray(gw2t, o + 3 * h);
        d1.intoArray(gw2t, o + 3 * h + L);
    }

    /** Classes {@code j, j + 1} × two vectors of units: four chains over the rows side by side. */
    private static void output2(float[] act, float[] dl, int rows, int h, int c, int u, int j, float[] gw2t) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        for (int r = 0, ao = u, lo = j; r < rows; r++, ao += h, lo += c) {
            FloatVector x0 = FloatVector.fromArray(S, act, ao);
            FloatVector x1 = FloatVector.fromArray(S, act, ao + L);
            FloatVector g = FloatVector.broadcast(S, dl[lo]);
            a0 = x0.fma(g, a0);
            a1 = x1.fma(g, a1);
            g = FloatVector.broadcast(S, dl[lo + 1]);
            b0 = x0.fma(g, b0);
            b1 = x1.fma(g, b1);
        }
        int o = j * h + u;
        a0.intoArray(gw2t, o);
        a1.intoArray(gw2t, o + L);
        b0.intoArray(gw2t, o + h);
        b1.intoArray(gw2t, o + h + L);
    }

    private static void output1(float[] act, float[] dl, int rows, int h, int c, int u, int j, float[] gw2t) {
        FloatVector acc = FloatVector.zero(S);
        for (int r = 0; r < rows; r++) {
            acc = FloatVector.fromArray(S, act, r * h + u).fma(FloatVector.broadcast(S, dl[r * c + j]), acc);
        }
        acc.intoArray(gw2t, j * h + u);
    }
}
