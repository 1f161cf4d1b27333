package org.moevoprune.core.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against scalar oracles of its documented arithmetic, bit for bit: every output is one chain
 * of fused multiply-adds in its original order (over the features, the classes or the batch rows; plain multiplies
 * and adds in the narrower last panel and past the last full vector), logits add their lanes in order from lane 0,
 * and the SGD step is {@link Sgd#step}'s float arithmetic. So tiling, fusing the gradient with the step and the JIT
 * in use (JDK 17 or 25, interpreted or compiled) cannot change a result. Hidden widths 512 (full panels) and 100 (a
 * narrower last panel), batches with and without a remainder of eight rows.
 */
class VectorKernelTest {

    private static final int C = 10;

    private final HeadKernel kernel = HeadKernel.best();

    private void assumeVector() {
        assumeTrue(kernel.name().equals("vector"), "the Vector API kernel is not in use on this JVM");
    }

    private int lanes() {
        return kernel.block() / 2;
    }

    @Test
    void forwardIsOneFmaChainPerOutput() {
        assumeVector();
        for (int h : new int[] {512, 100}) {
            for (int rows : new int[] {32, 13, 70}) {
                int k = 37;
                float[] x = values(rows * k, 1, true);
                float[] w = values(k * h, 2, false);
                float[] expected = new float[rows * h];
                int full = h - h % kernel.block();
                for (int r = 0; r < rows; r++) {
                    for (int u = 0; u < h; u++) {
                        float s = 0f;
                        for (int i = 0; i < k; i++) {
                            s = u < full ? Math.fma(x[r * k + i], w[i * h + u], s) : s + x[r * k + i] * w[i * h + u];
                        }
                        expected[r * h + u] = Math.max(s, 0f);
                    }
                }
                float[] out = new float[rows * h];
                kernel.hiddenForward(x, rows, k, kernel.pack(w, k, h), h, out, new float[kernel.scratchSize(k)]);
                assertArrayEquals(expected, out, "h " + h + ", rows " + rows);
            }
        }
    }

    @Test
    void logitsAddTheirLanesInOrder() {
        assumeVector();
        int l = lanes();
        for (int h : new int[] {512, 100}) {
            float[] act = values(h, 3, true);
            float[] w2t = values(C * h, 4, false);
            float[] bias = values(C, 5, false);
            int vh = h - h % kernel.block();
            float[] expected = new float[C];
            for (int j = 0; j < C; j++) {
                float[] lane = new float[l];
                for (int q = 0; q < l; q++) {
                    float s0 = 0f;
                    float s1 = 0f;
                    for (int u = 0; u < vh; u += 2 * l) {
                        s0 = Math.fma(act[u + q], w2t[j * h + u + q], s0);
                        s1 = Math.fma(act[u + l + q], w2t[j * h + u + l + q], s1);
                    }
                    lane[q] = s0 + s1;
                }
                float sum = 0f;
                for (float v : lane) {
                    sum += v;
                }
                for (int u = vh; u < h; u++) {
                    sum += act[u] * w2t[j * h + u];
                }
                expected[j] = bias[j] + sum;
            }
            float[] out = new float[C];
            kernel.logitsRow(act, 0, h, w2t, bias, C, out, 0);
            assertArrayEquals(expected, out, "h " + h);
            // the same row among others, in every position of a batch of three (two rows at a time, then one)
            for (int position = 0; position < 3; position++) {
                float[] batch = values(3 * h, 16 + position, true);
                System.arraycopy(act, 0, batch, position * h, h);
                float[] logits = new float[2 + 3 * C];
                kernel.logits(batch, 3, h, w2t, bias, C, logits, 2);
                assertArrayEquals(expected, Arrays.copyOfRange(logits, 2 + position * C,
                        2 + (position + 1) * C), "h " + h + ", row " + position + " of 3");
            }
        }
    }

    @Test
    void gradientsAreOneFmaChainPerOutput() {
        assumeVector();
        for (int h : new int[] {512, 100}) {
            int rows = 13;
            int vh = h - h % lanes();
            float[] act = values(rows * h, 6, true);
            float[] dl = values(rows * C, 7, false);
            float[] w2t = values(C * h, 8, false);
            float[] dz = new float[rows * h];
            float[] gw2t = new float[C * h];
            float[] gb = new float[C];
            kernel.hiddenGradient(dl, rows, C, w2t, h, act, dz);
            kernel.outputGradient(act, dl, rows, h, C, gw2t, gb);
            float[] expectedDz = new float[rows * h];
            for (int r = 0; r < rows; r++) {
                for (int u = 0; u < h; u++) {
                    float s = 0f;
                    for (int j = 0; j < C; j++) {
                        s = u < vh ? Math.fma(w2t[j * h + u], dl[r * C + j], s) : s + dl[r * C + j] * w2t[j * h + u];
                    }
                    expectedDz[VectorKernel.panelIndex(u, r, rows, h)] = act[r * h + u] > 0f ? s : 0f;
                }
            }
            float[] expectedW = new float[C * h];
            float[] expectedB = new float[C];
            for (int j = 0; j < C; j++) {
                for (int r = 0; r < rows; r++) {
                    expectedB[j] += dl[r * C + j];
                }
                for (int u = 0; u < h; u++) {
                    float s = 0f;
                    for (int r = 0; r < rows; r++) {
                        float a = act[r * h + u];
                        s = u < vh ? Math.fma(a, dl[r * C + j], s) : s + a * dl[r * C + j];
                    }
                    expectedW[j * h + u] = s;
                }
            }
            assertArrayEquals(expectedDz, dz, "dz, h " + h);
            assertArrayEquals(expectedW, gw2t, "output kernel gradient, h " + h);
            assertArrayEquals(expectedB, gb, "bias gradient, h " + h);
        }
    }

    @Test
    void fusedUpdateEqualsGradientThenSgdStep() {
        assumeVector();
        for (int h : new int[] {512, 100}) {
            for (boolean nesterov : new boolean[] {true, false}) {
                int rows = 32;
                int k = 21;
                int full = h - h % kernel.block();
                float[] x = values(rows * k, 9, true);
                float[] dzRowMajor = values(rows * h, 10, false);
                float[] dz = new float[rows * h];
                for (int r = 0; r < rows; r++) {
                    for (int u = 0; u < h; u++) {
                        dz[VectorKernel.panelIndex(u, r, rows, h)] = dzRowMajor[r * h + u];
                    }
                }
                float[] w = values(k * h, 11, false);
                float[] v = values(k * h, 12, false);
                float[] expectedW = w.clone();
                float[] expectedV = v.clone();
                float[] g = new float[1];
                for (int i = 0; i < k; i++) {
                    for (int u = 0; u < h; u++) {
                        float s = 0f;
                        for (int r = 0; r < rows; r++) {
                            float d = dzRowMajor[r * h + u];
                            s = u < full ? Math.fma(d, x[r * k + i], s) : s + x[r * k + i] * d;
                        }
                        g[0] = s;
                        Sgd.step(expectedW, expectedV, i * h + u, g, 0, 1, 0.05f, 0.9f, nesterov);
                    }
                }
                float[][] panels = kernel.pack(w, k, h);
                float[][] velocity = kernel.pack(v, k, h);
                kernel.hiddenUpdate(x, rows, k, dz, h, panels, velocity, 0.05f, 0.9f, nesterov,
                        new float[kernel.scratchSize(k)]);
                assertArrayEquals(expectedW, kernel.unpack(panels, k, h), "weights, h " + h + ", " + nesterov);
                assertArrayEquals(expectedV, kernel.unpack(velocity, k, h), "velocity, h " + h + ", " + nesterov);
            }
        }
    }

    @Test
    void outputStepEqualsTheScalarSgdStep() {
        assumeVector();
        for (int n : new int[] {5120, 5127, 10, 3}) {
            for (boolean nesterov : new boolean[] {true, false}) {
                float[] w = values(n, 13, false);
                float[] v = values(n, 14, false);
                float[] g = values(n, 15, false);
                float[] expectedW = w.clone();
                float[] expectedV = v.clone();
                for (int j = 0; j < n; j++) {
                    float vn = 0.9f * expectedV[j] - 0.05f * g[j];
                    expectedV[j] = vn;
                    expectedW[j] += nesterov ? 0.9f * vn - 0.05f * g[j] : vn;
                }
                kernel.step(w, v, g, n, 0.05f, 0.9f, nesterov);
                assertArrayEquals(expectedW, w, "weights, n " + n + ", " + nesterov);
                assertArrayEquals(expectedV, v, "velocity, n " + n + ", " + nesterov);
            }
        }
    }

    /** Values in [-1, 1), or ReLU-like ones (a third zero, the rest in [0, 2)). */
    private static float[] values(int n, long seed, boolean relu) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            double d = random.nextDouble();
            values[i] = relu ? (d < 1.0 / 3 ? 0f : (float) (3 * d - 1)) : (float) (2 * d - 1);
        }
        return values;
    }
}
