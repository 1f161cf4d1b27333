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

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * {@link PopulationKernels} on the GPU: the population's arrays in device memory, the four products of a step as
 * one {@code cublasSgemmStridedBatched} each over all members (row-major {@code C = A·B} computed as column-major
 * {@code Cᵀ = Bᵀ·Aᵀ}), and the gather, ReLU, ReLU-backward and momentum steps as one NVRTC-compiled kernel launch
 * each ({@link KernelSource}), all on the default stream. Per step: the batch's row indices go up, the logits come
 * down and their gradients go up ({@code P × rows × C} floats); the softmax stays on the host
 * ({@link PopulationTrainer}). Arithmetic in FP32 (cuBLAS's default math mode, no TF32). Confined to one thread, which
 * must hold {@link CudaRuntime#lock()}.
 */
final class CudaKernels implements PopulationKernels {

    private static final int THREADS = 256;
    private static final int MAX_BLOCKS = 4096;

    private final CudaRuntime cuda;
    private final int f;
    private final int h;
    private final int c;
    private final long fh;
    private final long hc;
    private final float mu;
    private final boolean nesterov;
    private final List<Device> allocations = new ArrayList<>();
    private final Device all;
    private final Device rows;
    private final Device masks;
    private final Device x;
    private final Device act;
    private final Device dz;
    private final Device logits;
    private final Device w1;
    private final Device v1;
    private final Device g1;
    private final Device best1;
    private final Device w2;
    private final Device v2;
    private final Device g2;
    private final Device best2;
    private final FloatPointer hostFloats;
    private final IntPointer hostRows;
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);

    /** A device address as a JavaCPP pointer (no position arithmetic: offsets are explicit addresses). */
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

    /** The factory that starts (or reuses) the CUDA runtime; the caller holds its lock. */
    static PopulationKernels.Factory factory(CudaRuntime cuda) {
        return (features, n, f, h, c, members, maxRows, momentum, nesterov) -> new CudaKernels(cuda, features, n, f,
                h, c, members, maxRows, momentum, nesterov);
    }

    private CudaKernels(CudaRuntime cuda, float[] features, int n, int f, int h, int c, int members, int maxRows,
            float momentum, boolean nesterov) {
        this.cuda = cuda;
        this.f = f;
        this.h = h;
        this.c = c;
        this.fh = (long) f * h;
        this.hc = (long) h * c;
        this.mu = momentum;
        this.nesterov = nesterov;
        long batch = (long) members * maxRows;
        try {
            all = allocate((long) n * f);
            rows = allocate(batch);
            masks = allocate((long) members * f);
            x = allocate(batch * f);
            act = allocate(batch * h);
            dz = allocate(batch * h);
            logits = allocate(batch * c);
            w1 = allocate(members * fh);
            v1 = allocate(members * fh);
            g1 = allocate(members * fh);
            best1 = allocate(members * fh);
            w2 = allocate(members * hc);
            v2 = allocate(members * hc);
            g2 = allocate(members * hc);
            best2 = allocate(members * hc);
            hostFloats = new FloatPointer(Math.max(batch * c, Math.max(fh, (long) n * f)));
            hostRows = new IntPointer(batch);
            upload(all, features, features.length);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private Device allocate(long floats) {
        Device d = new Device(0);
        CudaRuntime.check(cudaMalloc(d, Math.max(4, 4 * floats)), "cudaMalloc of " + 4 * floats + " bytes (lower the "
                + "population per pass or the batch; GPU memory holds 4 P·F·H floats)");
        allocations.add(d);
        return d;
    }

    private void upload(Device target, float[] values, int count) {
        hostFloats.put(values, 0, count);
        CudaRuntime.check(cudaMemcpy(target, hostFloats, 4L * count, cudaMemcpyHostToDevice), "upload");
    }

    private void download(Device source, float[] values, int count) {
        CudaRuntime.check(cudaMemcpy(hostFloats, source, 4L * count, cudaMemcpyDeviceToHost), "download");
        hostFloats.get(values, 0, count);
    }

    private static void copy(Device target, Device source, long floats) {
        CudaRuntime.check(cudaMemcpy(target, source, 4 * floats, cudaMemcpyDeviceToDevice), "device copy");
    }

    @Override
    public void load(int i, float[] dense, float[] mask, float[] output) {
        upload(w1.at(i * fh), dense, (int) fh);
        copy(best1.at(i * fh), w1.at(i * fh), fh);
        upload(w2.at(i * hc), output, (int) hc);
        copy(best2.at(i * hc), w2.at(i * hc), hc);
        upload(masks.at((long) i * f), mask, f);
        CudaRuntime.check(cudaMemset(v1.at(i * fh), 0, 4 * fh), "cudaMemset");
        CudaRuntime.check(cudaMemset(v2.at(i * hc), 0, 4 * hc), "cudaMemset");
    }

    @Override
    public void forward(int members, int batch, int[] rowIndices, float[] out) {
        int count = members * batch;
        hostRows.put(rowIndices, 0, count);
        CudaRuntime.check(cudaMemcpy(rows, hostRows, 4L * count, cudaMemcpyHostToDevice), "row upload");
        long xs = (long) count * f;
        launch(cuda.gather(), xs, new Arg[] {ptr(all), ptr(rows), ptr(masks), ptr(x), wide(xs), whole(batch),
            whole(f)});
        // act (batch × H) = x (batch × F) · W1 (F × H), per member
        gemm(CUBLAS_OP_N, CUBLAS_OP_N, h, batch, f, w1, h, fh, x, f, (long) batch * f, act, h, (long) batch * h,
                members);
        launch(cuda.relu(), (long) count * h, new Arg[] {ptr(act), wide((long) count * h)});
        // logits (batch × C) = act (batch × H) · W2 (H × C)
        gemm(CUBLAS_OP_N, CUBLAS_OP_N, c, batch, h, w2, c, hc, act, h, (long) batch * h, logits, c,
                (long) batch * c, members);
        download(logits, out, count * c);
    }

    @Override
    public void backward(int members, int batch, float[] logitGradients, float lr) {
        int count = members * batch;
        upload(logits, logitGradients, count * c);
        // dz (batch × H) = dlogits (batch × C) · W2ᵀ, then ⊙ [act > 0]
        gemm(CUBLAS_OP_T, CUBLAS_OP_N, h, batch, c, w2, c, hc, logits, c, (long) batch * c, dz, h, (long) batch * h,
                members);
        launch(cuda.reluBackward(), (long) count * h, new Arg[] {ptr(act), ptr(dz), wide((long) count * h)});
        // G2 (H × C) = actᵀ · dlogits;  G1 (F × H) = xᵀ · dz
        gemm(CUBLAS_OP_N, CUBLAS_OP_T, c, h, batch, logits, c, (long) batch * c, act, h, (long) batch * h, g2, c, hc,
                members);
        gemm(CUBLAS_OP_N, CUBLAS_OP_T, h, f, batch, dz, h, (long) batch * h, x, f, (long) batch * f, g1, h, fh,
                members);
        momentum(w2, v2, g2, members * hc, lr);
        momentum(w1, v1, g1, members * fh, lr);
    }

    private void momentum(Device w, Device v, Device g, long count, float lr) {
        launch(cuda.momentum(), count, new Arg[] {ptr(w), ptr(v), ptr(g), wide(count), real(lr), real(mu),
            whole(nesterov ? 1 : 0)});
    }

    /** Column-major {@code C = op(A)·op(B)} ({@code m × n}, inner {@code k}) for each of {@code batches} members. */
    private void gemm(int opA, int opB, int m, int n, int k, Device a, int lda, long strideA, Device b, int ldb,
            long strideB, Device out, int ldc, long strideC, int batches) {
        int status = cublasSgemmStridedBatched(cuda.handle(), opA, opB, m, n, k, one, a, lda, strideA, b, ldb,
                strideB, zero, out, ldc, strideC, batches);
        if (status != CUBLAS_STATUS_SUCCESS) {
            throw new IllegalStateException("cuBLAS: cublasSgemmStridedBatched(m=" + m + ", n=" + n + ", k=" + k
                    + ", batches=" + batches + ") failed: " + cublasGetStatusString(status).getString());
        }
    }

    /** One kernel argument: a host slot holding its value, as cuLaunchKernel reads it. */
    private record Arg(Pointer slot) {
    }

    private static Arg ptr(Device d) {
        return new Arg(new LongPointer(1).put(d.address()));
    }

    private static Arg wide(long v) {
        return new Arg(new LongPointer(1).put(v));
    }

    private static Arg whole(int v) {
        return new Arg(new IntPointer(1).put(v));
    }

    private static Arg real(float v) {
        return new Arg(new FloatPointer(1).put(v));
    }

    private static void launch(CUfunc_st kernel, long elements, Arg[] args) {
        int blocks = (int) Math.max(1, Math.min(MAX_BLOCKS, (elements + THREADS - 1) / THREADS));
        try (PointerPointer<Pointer> params = new PointerPointer<>(args.length)) {
            for (int i = 0; i < args.length; i++) {
                params.put(i, args[i].slot());
            }
            CudaRuntime.driverCheck(cuLaunchKernel(kernel, blocks, 1, 1, THREADS, 1, 1, 0, (CUstream_st) null, params,
                    (PointerPointer<?>) null), "cuLaunchKernel");
        } finally {
            for (Arg a : args) {
                a.slot().close();
            }
        }
    }

    @Override
    public void saveBest(int i) {
        copy(best1.at(i * fh), w1.at(i * fh), fh);
        copy(best2.at(i * hc), w2.at(i * hc), hc);
    }

    @Override
    public void restoreBest(int i) {
        copy(w1.at(i * fh), best1.at(i * fh), fh);
        copy(w2.at(i * hc), best2.at(i * hc), hc);
    }

    @Override
    public void hidden(int i, float[] dense) {
        download(w1.at(i * fh), dense, (int) fh);
    }

    @Override
    public void output(int i, float[] output) {
        download(w2.at(i * hc), output, (int) hc);
    }

    @Override
    public void retain(int[] keep) {
        for (int j = 0; j < keep.length; j++) {
            long i = keep[j];
            if (i != j) {
                for (Device d : new Device[] {w1, v1, best1}) {
                    copy(d.at(j * fh), d.at(i * fh), fh);
                }
                for (Device d : new Device[] {w2, v2, best2}) {
                    copy(d.at(j * hc), d.at(i * hc), hc);
                }
                copy(masks.at((long) j * f), masks.at(i * f), f);
            }
        }
    }

    @Override
    public void close() {
        for (Device d : allocations) {
            if (d.address() != 0) {
                cudaFree(d);
            }
        }
        allocations.clear();
        for (Pointer p : new Pointer[] {hostFloats, hostRows, one, zero}) {
            if (p != null) {
                p.close();
            }
        }
    }
}
