package org.moevoprune.core.head;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The two loops that carry almost all of a head's cost, both {@code O(rows · k · H)}: the hidden layer's forward
 * pass and its fused weight-gradient-plus-update. The hidden kernel lives in a <em>packed</em> layout: column
 * blocks of {@link #block()} hidden units, each block a contiguous {@code k × width} row-major panel (the last
 * block may be narrower). A plain row-major {@code k × 512} kernel has a 2 KiB row stride that maps a column strip
 * onto a handful of cache sets; panels stay resident in L1/L2.
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
     * @param packed the hidden kernel in this kernel's packed layout
     * @param h the number of hidden units
     * @param out receives {@code rows × h} activations
     */
    abstract void hiddenForward(float[] x, int rows, int k, float[] packed, int h, float[] out);

    /**
     * For each weight, {@code g = Σ_r x[r, i] · dz[r, u]} (the batch-summed gradient; {@code dz} already carries
     * the {@code 1/rows} of the mean loss), then the SGD step: {@code v ← μv − lr·g}, then {@code w ← w + μv − lr·g}
     * (Nesterov) or {@code w ← w + v}.
     *
     * @param x {@code rows × k} row-major
     * @param rows the number of rows
     * @param k the number of active features
     * @param dz {@code rows × h} gradient of the loss at the hidden pre-activations
     * @param h the number of hidden units
     * @param packed the hidden kernel, updated in place
     * @param velocity its velocity, same layout, updated in place
     * @param lr this update's learning rate
     * @param mu the momentum
     * @param nesterov whether the update is Nesterov's
     * @param scratch at least {@link #block()} floats of working space
     */
    abstract void hiddenUpdate(float[] x, int rows, int k, float[] dz, int h, float[] packed, float[] velocity,
            float lr, float mu, boolean nesterov, float[] scratch);

    /**
     * @return {@code Σ_{u<n} a[ao + u] · b[bo + u]}
     */
    abstract float dot(float[] a, int ao, float[] b, int bo, int n);

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
     * Converts a row-major {@code k × h} kernel to this kernel's packed layout.
     *
     * @param rowMajor {@code k × h} values
     * @param k rows
     * @param h columns
     * @return the packed values
     */
    final float[] pack(float[] rowMajor, int k, int h) {
        float[] packed = new float[rowMajor.length];
        int bs = block();
        for (int hb = 0; hb < h; hb += bs) {
            int width = Math.min(bs, h - hb);
            for (int i = 0; i < k; i++) {
                System.arraycopy(rowMajor, i * h + hb, packed, hb * k + i * width, width);
            }
        }
        return packed;
    }

    /**
     * Inverse of {@link #pack}.
     *
     * @param packed the packed values
     * @param k rows
     * @param h columns
     * @return {@code k × h} row-major values
     */
    final float[] unpack(float[] packed, int k, int h) {
        float[] rowMajor = new float[packed.length];
        int bs = block();
        for (int hb = 0; hb < h; hb += bs) {
            int width = Math.min(bs, h - hb);
            for (int i = 0; i < k; i++) {
                System.arraycopy(packed, hb * k + i * width, rowMajor, i * h + hb, width);
            }
        }
        return rowMajor;
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
