package org.moevoprune.cuda;

import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.CUBLAS_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cublas.cublasGetStatusString;
import static org.bytedeco.cuda.global.cublas.cublasSgemmStridedBatched;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemset;

import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The primitives of {@link DenseMaskedKernels} on the GPU: every buffer in device memory, each GEMM one
 * {@code cublasSgemmStridedBatched} over all members, each elementwise step one launch of an NVRTC-compiled kernel
 * ({@link KernelSource}), all on the default stream. Per step the batch's row indices go up, the logits come down
 * and their gradients go up ({@code P × rows × C} floats); the softmax stays on the host ({@link PopulationTrainer}).
 * FP32 throughout (cuBLAS's default math mode: no TF32). Confined to one thread, which holds
 * {@link CudaRuntime#lock()}.
 */
final class CudaKernels extends DenseMaskedKernels {

    private static final int THREADS = 256;
    private static final int MAX_BLOCKS = 4096;
    private static final int MAX_ARGS = 8;

    private final CudaRuntime cuda;
    private final Device[] buffers = new Device[Buffer.values().length];
    private final Device rows;
    private final FloatPointer hostFloats;
    private final IntPointer hostRows;
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);
    /** Kernel arguments: one 8-byte host slot each (with int and float views), reused by every launch. */
    private final LongPointer[] slots = new LongPointer[MAX_ARGS];
    private final IntPointer[] ints = new IntPointer[MAX_ARGS];
    private final FloatPointer[] floats = new FloatPointer[MAX_ARGS];
    private final PointerPointer<Pointer> params = new PointerPointer<>(MAX_ARGS);

    /** A device address as a JavaCPP pointer; offsets are computed as addresses, never through positions. */
    private static final class Device extends FloatPointer {
        Device(long address) {
            super((Pointer) null);
            this.address = address;
        }

        /** @return a pointer {@code floats} floats further on */
        Device at(long floats) {
            return new Device(address + 4 * floats);
        }
    }

    /** @return the factory of kernels on the started runtime; the caller holds its lock */
    static PopulationKernels.Factory factory(CudaRuntime cuda) {
        return (features, n, f, h, c, members, maxRows, momentum, nesterov) -> new CudaKernels(cuda, features, n, f,
                h, c, members, maxRows, momentum, nesterov);
    }

    private CudaKernels(CudaRuntime cuda, float[] features, int n, int f, int h, int c, int members, int maxRows,
            float momentum, boolean nesterov) {
        super(n, f, h, c, members, maxRows, momentum, nesterov);
        this.cuda = cuda;
        long batch = (long) members * maxRows;
        hostFloats = new FloatPointer(Math.max(batch * c, Math.max(fh, (long) n * f)));
        hostRows = new IntPointer(batch);
        for (int i = 0; i < MAX_ARGS; i++) {
            slots[i] = new LongPointer(1);
            ints[i] = new IntPointer(slots[i]);
            floats[i] = new FloatPointer(slots[i]);
            params.put(i, slots[i]);
        }
        Device rowBuffer = null;
        try {
            for (Buffer b : Buffer.values()) {
                buffers[b.ordinal()] = allocate(4 * size(b));
            }
            rowBuffer = allocate(4 * batch);
            upload(Buffer.FEATURES, 0, features, features.length);
        } catch (RuntimeException | Error e) {
            rows = rowBuffer;
            close();
            throw e;
        }
        rows = rowBuffer;
    }

    private static Device allocate(long bytes) {
        Device d = new Device(0);
        CudaRuntime.check(cudaMalloc(d, Math.max(4, bytes)), "cudaMalloc of " + bytes + " bytes (GPU memory holds "
                + "4 P·F·H floats: lower the population per pass or the hidden units)");
        return d;
    }

    private Device at(Buffer b, long offset) {
        return buffers[b.ordinal()].at(offset);
    }

    @Override
    void upload(Buffer to, long offset, float[] values, int count) {
        hostFloats.put(values, 0, count);
        CudaRuntime.check(cudaMemcpy(at(to, offset), hostFloats, 4L * count, cudaMemcpyHostToDevice),
                "upload to " + to);
    }

    @Override
    void download(Buffer from, long offset, float[] values, int count) {
        CudaRuntime.check(cudaMemcpy(hostFloats, at(from, offset), 4L * count, cudaMemcpyDeviceToHost),
                "download from " + from);
        hostFloats.get(values, 0, count);
    }

    @Override
    void copy(Buffer to, long toOffset, Buffer from, long fromOffset, long count) {
        CudaRuntime.check(cudaMemcpy(at(to, toOffset), at(from, fromOffset), 4 * count, cudaMemcpyDeviceToDevice),
                "copy " + from + " to " + to);
    }

    @Override
    void zero(Buffer b, long offset, long count) {
        CudaRuntime.check(cudaMemset(at(b, offset), 0, 4 * count), "cudaMemset of " + b);
    }

    @Override
    void gatherRows(int[] rowIndices, int count, int batch) {
        hostRows.put(rowIndices, 0, count);
        CudaRuntime.check(cudaMemcpy(rows, hostRows, 4L * count, cudaMemcpyHostToDevice), "row upload");
        long total = (long) count * f;
        argPtr(at(Buffer.FEATURES, 0));
        argPtr(rows);
        argPtr(at(Buffer.MASKS, 0));
        argPtr(at(Buffer.X, 0));
        argLong(total);
        argInt(batch);
        argInt(f);
        launch(cuda.gather(), total);
    }

    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, Buffer a, int lda, long strideA, Buffer b,
            int ldb, long strideB, Buffer out, int ldc, long strideC, int batches) {
        int status = cublasSgemmStridedBatched(cuda.handle(), transA ? CUBLAS_OP_T : CUBLAS_OP_N,
                transB ? CUBLAS_OP_T : CUBLAS_OP_N, m, n, k, one, at(a, 0), lda, strideA, at(b, 0), ldb, strideB,
                zero, at(out, 0), ldc, strideC, batches);
        if (status != CUBLAS_STATUS_SUCCESS) {
            throw new IllegalStateException("cuBLAS: cublasSgemmStridedBatched(m=" + m + ", n=" + n + ", k=" + k
                    + ", batches=" + batches + ") into " + out + " failed: "
                    + cublasGetStatusString(status).getString());
        }
    }

    @Override
    void relu(Buffer b, long count) {
        argPtr(at(b, 0));
        argLong(count);
        launch(cuda.relu(), count);
    }

    @Override
    void reluBackward(Buffer act, Buffer dz, long count) {
        argPtr(at(act, 0));
        argPtr(at(dz, 0));
        argLong(count);
        launch(cuda.reluBackward(), count);
    }

    @Override
    void momentum(Buffer w, Buffer v, Buffer g, long count, float lr) {
        argPtr(at(w, 0));
        argPtr(at(v, 0));
        argPtr(at(g, 0));
        argLong(count);
        argFloat(lr);
        argFloat(mu);
        argInt(nesterov ? 1 : 0);
        launch(cuda.momentum(), count);
    }

    private int argc;

    private void argPtr(Device d) {
        slots[argc++].put(0, d.address());
    }

    private void argLong(long v) {
        slots[argc++].put(0, v);
    }

    private void argInt(int v) {
        ints[argc++].put(0, v);
    }

    private void argFloat(float v) {
        floats[argc++].put(0, v);
    }

    /**
     * Launches {@code kernel} over {@code elements} (grid-stride loop) with the arguments set since the last launch
     * (cuLaunchKernel copies them, so the slots are reused).
     */
    private void launch(CUfunc_st kernel, long elements) {
        int blocks = (int) Math.max(1, Math.min(MAX_BLOCKS, (elements + THREADS - 1) / THREADS));
        argc = 0;
        CudaRuntime.driverCheck(cuLaunchKernel(kernel, blocks, 1, 1, THREADS, 1, 1, 0, (CUstream_st) null, params,
                (PointerPointer<?>) null), "cuLaunchKernel");
    }

    @Override
    public void close() {
        for (Device d : buffers) {
            if (d != null && d.address() != 0) {
                cudaFree(d);
            }
        }
        if (rows != null && rows.address() != 0) {
            cudaFree(rows);
        }
        hostFloats.close();
        hostRows.close();
        one.close();
        zero.close();
        params.close();
        for (LongPointer slot : slots) {
            slot.close();
        }
    }
}
