package org.moevoprune.core.head;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The two loops that carry almost all of a head's cost, both {@code O(rows · k · H)}: the hidden layer's forward
 * pass and its fused weight-gradient-plus-update. The hidden weights live in a <em>packed</em> layout: column
 * blocks of {@link #block()} hidden units, each block a {@code k × width} row-major panel in an array of its own
 * (the last block may be narrower). A plain row-major {@code k × 512} weight matrix has a 2 KiB row stride that
 * maps a column strip onto a handful of cache sets; panels stay resident in L1/L2. Separate panel arrays also keep
 * the weights out of G1's humongous regions: as one array of several MiB it was allocated region-aligned, next to the
 * equally aligned velocity, and training at k = 2048 ran 2.2× slower (a 9× slower forward pass) than with
 * panels — measured on this project's 2-core machine, 4 MiB G1 regions.
 *
 * <p>Two implementations: {@link ScalarKernel} (plain loops that the JIT vectorises; always present) and a Java
 * Vector API kernel loaded only when the incubator module {@code jdk.incubator.vector} is in the boot layer (run
 * with {@code --add-modules jdk.incubator.vector}). Each is deterministic; they round differently from each other.
 * Stateless and thread-safe.
 */
abstract class HeadKernel {

    /** System property that disables the Vector API kernel when set to {@code false}. */
    static final String VECTOR_PROPERTY = "moevoprune.java.vector";

    private static final HeadKernel BEST = choose();

    /** @return the fastest kernel this JVM can run */
    static HeadKernel best() {
        return BEST;
    }

    /** @return the name reported in diagnostics */
    abstract String name();

    /** @return the width of a packed column panel */
    abstract int block();

    /**
     * {@code out[r·H + u] = max(0, Σ_i x[r·k + i] · W[i, u])} for {@code r < rows}.
     *
     * @param x {@code rows × k} row-major
     * @param rows the number of rows
     * @param k the number of active features
     * @param panels the hidden weights in this kernel's packed layout
     * @param h the number of hidden units
     * @param out receives {@code rows × h} activations
     * @param scratch at least {@link #scratchSize(int) scratchSize(k)} floats of working space
     */
    abstract void hiddenForward(float[] x, int rows, int k, float[][] panels, int h, float[] out, float[] scratch);

    /**
     * @param k the number of active features
     * @return the working space {@link #hiddenForward} and {@link #hiddenUpdate} need, so that callers allocate it
     *     once per run instead of once per batch
     */
    int scratchSize(int k) {
        return 4 * block();
    }

    /**
     * For each weight, {@code g = Σ_r x[r, i] · dz[r, u]} (the batch-summed gradient; {@code dz} already carries
     * the {@code 1/rows} of the mean loss), then the SGD step: {@code v ← μv − lr·g}, then {@code w ← w + μv − lr·g}
     * (Nesterov) or {@code w ← w + v}.
     *
     * @param x {@code rows × k} row-major
     * @param rows the number of rows
     * @param k the number of active features
     * @param dz {@code rows × h} gradient of the loss at the hidden pre-activations, as {@link #hiddenGradient}
     *     wrote it
     * @param h the number of hidden units
     * @param panels the hidden weights, updated in place
     * @param velocity its velocity, same layout, updated in place
     * @param lr this update's learning rate
     * @param mu the momentum
     * @param nesterov whether the update is Nesterov's
     * @param scratch at least {@link #scratchSize(int) scratchSize(k)} floats of working space
     */
    abstract void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[][] panels, float[][] velocity,
            float lr, float mu, boolean nesterov, float[] scratch);

    /**
     * One row of logits: {@code out[oo + j] = bias[j] + Σ_u act[ao + u] · w2t[j·h + u]} for {@code j < c}.
     *
     * @param act hidden activations
     * @param ao the row's first activation
     * @param h hidden units
     * @param w2t the output weights transposed, {@code c × h}
     * @param bias {@code c} biases
     * @param c classes
     * @param out receives the row's {@code c} logits
     * @param oo the first index written
     */
    abstract void logitsRow(float[] act, int ao, int h, float[] w2t, float[] bias, int c, float[] out, int oo);

    /**
     * The logits of {@code rows} rows: {@link #logitsRow} for each, rows {@code act[r·h …]} into
     * {@code out[oo + r·c …]}; a kernel may compute several rows at once, with the same values.
     *
     * @param act {@code rows × h} hidden activations
     * @param rows rows
     * @param h hidden units
     * @param w2t the output weights transposed, {@code c × h}
     * @param bias {@code c} biases
     * @param c classes
     * @param out receives {@code rows × c} logits
     * @param oo the first index written
     */
    void logits(float[] act, int rows, int h, float[] w2t, float[] bias, int c, float[] out, int oo) {
        for (int r = 0; r < rows; r++) {
            logitsRow(act, r * h, h, w2t, bias, c, out, oo + r * c);
        }
    }

    /**
     * The gradient at the hidden pre-activations: {@code dz[r·h + u] = Σ_j dl[r·c + j] · w2t[j·h + u]} where
     * {@code act[r·h + u] > 0}, else 0, for {@code r < rows}.
     *
     * @param dl {@code rows × c} gradient at the logits
     * @param rows rows
     * @param c classes
     * @param w2t the output weights transposed, {@code c × h}
     * @param h hidden units
     * @param act {@code rows × h} activations
     * @param dz receives the {@code rows × h} values in this kernel's layout, which only {@link #hiddenUpdate}
     *     reads: row-major ({@code dz[r·h + u]}) in {@link ScalarKernel}, panel-major in the Vector API kernel
     */
    abstract void hiddenGradient(float[] dl, int rows, int c, float[] w2t, int h, float[] act, float[] dz);

    /**
     * The output layer's gradient: {@code gw2t[j·h + u] = Σ_r act[r·h + u] · dl[r·c + j]} and
     * {@code gb[j] = Σ_r dl[r·c + j]}.
     *
     * @param act {@code rows × h} activations
     * @param dl {@code rows × c} gradient at the logits
     * @param rows rows
     * @param h hidden units
     * @param c classes
     * @param gw2t receives {@code c × h} values
     * @param gb receives {@code c} values
     */
    abstract void outputGradient(float[] act, float[] dl, int rows, int h, int c, float[] gw2t, float[] gb);

    /**
     * {@link Sgd#step} over the first {@code n} weights of {@code w} (the output layer's weights and biases), with the
     * same float operations in the same order; a kernel may run it on vectors.
     *
     * @param w the weights, updated in place
     * @param v their velocity, updated in place
     * @param g their gradient
     * @param n the number of weights
     * @param lr this update's learning rate
     * @param mu the momentum
     * @param nesterov whether the update is Nesterov's
     */
    void step(float[] w, float[] v, float[] g, int n, float lr, float mu, boolean nesterov) {
        Sgd.step(w, v, 0, g, 0, n, lr, mu, nesterov);
    }

    /**
     * Transposes a row-major {@code rows × cols} matrix.
     *
     * @param m the matrix
     * @param rows its rows
     * @param cols its columns
     * @return the {@code cols × rows} transpose
     */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * Converts row-major {@code k × h} hidden weights to this kernel's packed layout.
     *
     * @param rowMajor {@code k × h} values
     * @param k rows
     * @param h columns
     * @return the panels, one array per column block
     */
    final float[][] pack(float[] rowMajor, int k, int h) {
        int bs = block();
        float[][] panels = new float[(h + bs - 1) / bs][];
        for (int p = 0; p < panels.length; p++) {
            int hb = p * bs;
            int width = Math.min(bs, h - hb);
            panels[p] = new float[k * width];
            for (int i = 0; i < k; i++) {
                System.arraycopy(rowMajor, i * h + hb, panels[p], i * width, width);
            }
        }
        return panels;
    }

    /**
     * Inverse of {@link #pack}.
     *
     * @param panels the panels
     * @param k rows
     * @param h columns
     * @return {@code k × h} row-major values
     */
    final float[] unpack(float[][] panels, int k, int h) {
        float[] rowMajor = new float[k * h];
        int bs = block();
        for (int p = 0; p < panels.length; p++) {
            int hb = p * bs;
            int width = Math.min(bs, h - hb);
            for (int i = 0; i < k; i++) {
                System.arraycopy(panels[p], i * width, rowMajor, i * h + hb, width);
            }
        }
        return rowMajor;
    }

    /** @return zero panels of the same shapes as {@code panels} */
    static float[][] zerosLike(float[][] panels) {
        float[][] zeros = new float[panels.length][];
        for (int p = 0; p < panels.length; p++) {
            zeros[p] = new float[panels[p].length];
        }
        return zeros;
    }

    /** Copies every panel of {@code from} into the panel of the same shape in {@code to}. */
    static void copy(float[][] from, float[][] to) {
        for (int p = 0; p < from.length; p++) {
            System.arraycopy(from[p], 0, to[p], 0, from[p].length);
        }
    }

    private static HeadKernel choose() {
        if (!"false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> type = Class.forName(HeadKernel.class.getPackageName() + ".VectorKernel");
                return (HeadKernel) MethodHandles.lookup()
                        .findConstructor(type, MethodType.methodType(void.class)).invoke();
            } catch (Throwable unavailable) {
                // Fall through: the scalar kernel is always correct, just slower.
            }
        }
        return new ScalarKernel();
    }
}
