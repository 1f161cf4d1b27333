package org.moevoprune.cuda;

/**
 * The population step written once over a few primitives (column-major strided-batched GEMM as cuBLAS defines it,
 * a row gather, ReLU, ReLU-backward, the momentum update, copies), so that the exact sequence of calls, shapes,
 * leading dimensions and strides that {@link CudaKernels} hands cuBLAS is the one {@link HostKernels} executes in
 * Java on every machine, and the contract suites test it there.
 *
 * <p>Every array is row-major on the host side of the contract (see {@link PopulationKernels}); a row-major
 * {@code r × c} matrix is the column-major {@code c × r} matrix, so row-major {@code C = A·B} is computed as
 * column-major {@code Cᵀ = Bᵀ·Aᵀ}: the operands swap and each keeps its own transpose flag. Confined to one thread.
 */
abstract class DenseMaskedKernels implements PopulationKernels {

    /** The arrays of a run. Sizes: {@link #size(Buffer)}. */
    enum Buffer {
        /** {@code N × F} training features. */
        FEATURES,
        /** {@code P × F}: 1 for each member's active features. */
        MASKS,
        /** {@code P × rows × F}: the gathered, masked batch. */
        X,
        /** {@code P × rows × H}: hidden activations after ReLU. */
        ACT,
        /** {@code P × rows × H}: gradient of the hidden pre-activations. */
        DZ,
        /** {@code P × rows × C}: logits, then their gradients. */
        LOGITS,
        /** {@code P × F × H} first-layer weights, velocities, gradients, best copies. */
        W1, V1, G1, BEST1,
        /** {@code P × H × C} output weights, velocities, gradients, best copies. */
        W2, V2, G2, BEST2
    }

    final int n;
    final int f;
    final int h;
    final int c;
    final int members;
    final int maxRows;
    final float mu;
    final boolean nesterov;
    final long fh;
    final long hc;

    DenseMaskedKernels(int n, int f, int h, int c, int members, int maxRows, float momentum, boolean nesterov) {
        this.n = n;
        this.f = f;
        this.h = h;
        this.c = c;
        this.members = members;
        this.maxRows = maxRows;
        this.mu = momentum;
        this.nesterov = nesterov;
        this.fh = (long) f * h;
        this.hc = (long) h * c;
    }

    /** @return the floats {@code b} holds */
    final long size(Buffer b) {
        long batch = (long) members * maxRows;
        return switch (b) {
            case FEATURES -> (long) n * f;
            case MASKS -> (long) members * f;
            case X -> batch * f;
            case ACT, DZ -> batch * h;
            case LOGITS -> batch * c;
            case W1, V1, G1, BEST1 -> members * fh;
            case W2, V2, G2, BEST2 -> members * hc;
        };
    }

    // ---- primitives -------------------------------------------------------------------------------------------

    abstract void upload(Buffer to, long offset, float[] values, int count);

    abstract void download(Buffer from, long offset, float[] values, int count);

    abstract void copy(Buffer to, long toOffset, Buffer from, long fromOffset, long count);

    abstract void zero(Buffer b, long offset, long count);

    /**
     * {@code X[e] = FEATURES[rows[e / F]·F + e % F] · MASKS[(e / F / batch)·F + e % F]} for {@code e < count·F}.
     *
     * @param rowIndices {@code count} training row indices, member after member
     */
    abstract void gatherRows(int[] rowIndices, int count, int batch);

    /**
     * Column-major {@code C_i = op(A_i)·op(B_i)} for {@code i < batches} ({@code C_i} is {@code m × n}, the inner
     * dimension {@code k}; {@code X_i} starts {@code i·strideX} floats into its buffer), as
     * {@code cublasSgemmStridedBatched} with α = 1, β = 0.
     */
    abstract void gemm(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda, long strideA,
            Buffer b, int ldb, long strideB, Buffer out, int ldc, long strideC, int batches);

    /** {@code b[e] = b[e] < 0 ? 0 : b[e]} (NaN passes) for {@code e < count}. */
    abstract void relu(Buffer b, long count);

    /** {@code dz[e] = act[e] > 0 ? dz[e] : 0} for {@code e < count}. */
    abstract void reluBackward(Buffer act, Buffer dz, long count);

    /** {@code v = μ·v − lr·g; w += nesterov ? μ·v − lr·g : v} elementwise for {@code e < count}. */
    abstract void momentum(Buffer w, Buffer v, Buffer g, long count, float lr);

    // ---- the step, shared ---------------------------------------------------------------------------------------

    @Override
    public final void load(int i, float[] dense, float[] mask, float[] output) {
        upload(Buffer.W1, i * fh, dense, (int) fh);
        copy(Buffer.BEST1, i * fh, Buffer.W1, i * fh, fh);
        upload(Buffer.W2, i * hc, output, (int) hc);
        copy(Buffer.BEST2, i * hc, Buffer.W2, i * hc, hc);
        upload(Buffer.MASKS, (long) i * f, mask, f);
        zero(Buffer.V1, i * fh, fh);
        zero(Buffer.V2, i * hc, hc);
    }

    @Override
    public final void forward(int p, int rows, int[] rowIndices, float[] logits) {
        int count = p * rows;
        gatherRows(rowIndices, count, rows);
        // act (rows × H) = x (rows × F) · W1 (F × H), per member
        gemm(false, false, h, rows, f, Buffer.W1, h, fh, Buffer.X, f, (long) rows * f, Buffer.ACT, h,
                (long) rows * h, p);
        relu(Buffer.ACT, (long) count * h);
        // logits (rows × C) = act (rows × H) · W2 (H × C)
        gemm(false, false, c, rows, h, Buffer.W2, c, hc, Buffer.ACT, h, (long) rows * h, Buffer.LOGITS, c,
                (long) rows * c, p);
        download(Buffer.LOGITS, 0, logits, count * c);
    }

    @Override
    public final void backward(int p, int rows, float[] logitGradients, float lr) {
        int count = p * rows;
        upload(Buffer.LOGITS, 0, logitGradients, count * c);
        // dz (rows × H) = dlogits (rows × C) · W2ᵀ, then ⊙ [act > 0]
        gemm(true, false, h, rows, c, Buffer.W2, c, hc, Buffer.LOGITS, c, (long) rows * c, Buffer.DZ, h,
                (long) rows * h, p);
        reluBackward(Buffer.ACT, Buffer.DZ, (long) count * h);
        // G2 (H × C) = actᵀ · dlogits;  G1 (F × H) = xᵀ · dz
        gemm(false, true, c, h, rows, Buffer.LOGITS, c, (long) rows * c, Buffer.ACT, h, (long) rows * h,
                Buffer.G2, c, hc, p);
        gemm(false, true, h, f, rows, Buffer.DZ, h, (long) rows * h, Buffer.X, f, (long) rows * f, Buffer.G1, h,
                fh, p);
        momentum(Buffer.W2, Buffer.V2, Buffer.G2, p * hc, lr);
        momentum(Buffer.W1, Buffer.V1, Buffer.G1, p * fh, lr);
    }

    @Override
    public final void saveBest(int i) {
        copy(Buffer.BEST1, i * fh, Buffer.W1, i * fh, fh);
        copy(Buffer.BEST2, i * hc, Buffer.W2, i * hc, hc);
    }

    @Override
    public final void restoreBest(int i) {
        copy(Buffer.W1, i * fh, Buffer.BEST1, i * fh, fh);
        copy(Buffer.W2, i * hc, Buffer.BEST2, i * hc, hc);
    }

    @Override
    public final void hidden(int i, float[] dense) {
        download(Buffer.W1, i * fh, dense, (int) fh);
    }

    @Override
    public final void output(int i, float[] output) {
        download(Buffer.W2, i * hc, output, (int) hc);
    }

    @Override
    public final void retain(int[] keep) {
        for (int j = 0; j < keep.length; j++) {
            long i = keep[j];
            if (i != j) {
                for (Buffer b : new Buffer[] {Buffer.W1, Buffer.V1, Buffer.BEST1}) {
                    copy(b, j * fh, b, i * fh, fh);
                }
                for (Buffer b : new Buffer[] {Buffer.W2, Buffer.V2, Buffer.BEST2}) {
                    copy(b, j * hc, b, i * hc, hc);
                }
                copy(Buffer.MASKS, (long) j * f, Buffer.MASKS, i * f, f);
            }
        }
    }
}
