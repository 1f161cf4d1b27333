package org.moevoprune.cuda;

import static org.bytedeco.cuda.global.cublas.CUBLAS_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasGetStatusString;
import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.cuGetErrorString;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMajor;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMinor;
import static org.bytedeco.cuda.global.cudart.cudaDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaDriverGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaRuntimeGetVersion;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaSuccess;

import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.moevoprune.api.Provider.Availability;

/**
 * The once-per-JVM start of the 'cublas' head on GPU 0: JavaCPP's CUDA 13 bindings loaded (they link the machine's
 * libcuda.so.1, libcudart.so.13, libcublas.so.13 and libnvrtc.so.13), the device found, the elementwise kernels of
 * {@link KernelSource} compiled for its compute capability by NVRTC and loaded, and a cuBLAS handle created. Started
 * lazily by the first caller (never from a static initialiser) and remembered, whether it worked or not, so a
 * machine without a GPU gets the same one-line reason every time without a retry.
 *
 * <p>All GPU work of the JVM runs under {@link #lock()}: one device, one cuBLAS handle, one default stream.
 */
final class CudaRuntime {

    /** What the 'cublas' head needs, said in every reason it is unavailable. */
    static final String NEEDS = "the 'cublas' head needs an NVIDIA GPU with its driver (libcuda.so.1, CUDA 13: "
            + "driver 580 or newer) and the CUDA 13 libraries libcudart.so.13, libcublas.so.13 and libnvrtc.so.13 "
            + "on the library path (LD_LIBRARY_PATH; scripts/gpu-verify.sh finds those of pip's nvidia-* packages)";

    private static volatile CudaRuntime started;

    private final Availability availability;
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private final cublasContext handle;
    private final CUfunc_st gather;
    private final CUfunc_st relu;
    private final CUfunc_st reluBackward;
    private final CUfunc_st momentum;

    private CudaRuntime(Availability availability, String description, cublasContext handle, CUfunc_st[] kernels) {
        this.availability = availability;
        this.description = description;
        this.handle = handle;
        this.gather = kernels == null ? null : kernels[0];
        this.relu = kernels == null ? null : kernels[1];
        this.reluBackward = kernels == null ? null : kernels[2];
        this.momentum = kernels == null ? null : kernels[3];
    }

    /** @return the outcome of the start, starting first if nobody has yet; never throws */
    static CudaRuntime start() {
        CudaRuntime s = started;
        if (s == null) {
            synchronized (CudaRuntime.class) {
                s = started;
                if (s == null) {
                    s = begin();
                    started = s;
                }
            }
        }
        return s;
    }

    /** @return whether the GPU path works here, or the one-line reason it does not */
    Availability availability() {
        return availability;
    }

    /** @return the device, compute capability and CUDA versions, e.g. for a benchmark's report; empty if none */
    String description() {
        return description;
    }

    /** @return the lock every use of the device holds */
    ReentrantLock lock() {
        return lock;
    }

    cublasContext handle() {
        return handle;
    }

    CUfunc_st gather() {
        return gather;
    }

    CUfunc_st relu() {
        return relu;
    }

    CUfunc_st reluBackward() {
        return reluBackward;
    }

    CUfunc_st momentum() {
        return momentum;
    }

    /** Makes GPU 0's primary context current on the calling thread (cuBLAS and kernel launches need it). */
    void bind() {
        check(cudaSetDevice(0), "cudaSetDevice(0)");
    }

    private static CudaRuntime begin() {
        try {
            Loader.load(cudart.class);
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            return unavailable(NEEDS + "; loading JavaCPP's CUDA bindings failed: " + firstLine(e));
        }
        try {
            int[] count = new int[1];
            int status = cudaGetDeviceCount(count);
            if (status != cudaSuccess || count[0] == 0) {
                return unavailable(NEEDS + "; the CUDA runtime loaded but finds no GPU: " + (status != cudaSuccess
                        ? "cudaGetDeviceCount: " + error(status) : "0 devices"));
            }
            check(cudaSetDevice(0), "cudaSetDevice(0)");
            check(cudaFree(null), "cudaFree(NULL) (creating the context)");
            int[] major = new int[1];
            int[] minor = new int[1];
            int[] driver = new int[1];
            int[] runtime = new int[1];
            check(cudaDeviceGetAttribute(major, cudaDevAttrComputeCapabilityMajor, 0), "compute capability");
            check(cudaDeviceGetAttribute(minor, cudaDevAttrComputeCapabilityMinor, 0), "compute capability");
            check(cudaDriverGetVersion(driver), "cudaDriverGetVersion");
            check(cudaRuntimeGetVersion(runtime), "cudaRuntimeGetVersion");
            Loader.load(cublas.class);
            Loader.load(nvrtc.class);
            byte[] cubin = KernelSource.compile(major[0], minor[0]);
            CUmod_st module = new CUmod_st();
            try (BytePointer image = new BytePointer(cubin.length + 1L)) {
                image.put(cubin, 0, cubin.length);
                driverCheck(cuModuleLoadData(module, image), "cuModuleLoadData (the NVRTC-compiled kernels)");
            }
            CUfunc_st[] kernels = new CUfunc_st[KernelSource.NAMES.size()];
            for (int i = 0; i < kernels.length; i++) {
                kernels[i] = new CUfunc_st();
                driverCheck(cuModuleGetFunction(kernels[i], module, KernelSource.NAMES.get(i)),
                        "cuModuleGetFunction " + KernelSource.NAMES.get(i));
            }
            cublasContext handle = new cublasContext();
            int blas = cublasCreate_v2(handle);
            if (blas != CUBLAS_STATUS_SUCCESS) {
                return unavailable(NEEDS + "; cublasCreate failed: " + cublasGetStatusString(blas).getString());
            }
            String description = String.format(Locale.ROOT, "GPU 0 of %d, compute capability %d.%d, driver CUDA "
                    + "%s, runtime CUDA %s, JavaCPP cuda presets %s", count[0], major[0], minor[0],
                    version(driver[0]), version(runtime[0]), Loader.getVersion("org.bytedeco", "cuda"));
            return new CudaRuntime(Availability.AVAILABLE, description, handle, kernels);
        } catch (Throwable e) {
            return unavailable(NEEDS + "; starting it failed: " + firstLine(e));
        }
    }

    private static CudaRuntime unavailable(String reason) {
        return new CudaRuntime(Availability.unavailable(reason), "", null, null);
    }

    /** @return {@code 13000} as {@code 13.0} */
    static String version(int cudaVersion) {
        return cudaVersion / 1000 + "." + cudaVersion % 1000 / 10;
    }

    /** @return the message of {@code e} (and of its causes) on one line, at most 400 characters */
    static String firstLine(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 400; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String line = out.toString().replaceAll("\\s+", " ").trim();
        return line.length() > 400 ? line.substring(0, 397) + "..." : line;
    }

    static String error(int status) {
        return cudaGetErrorString(status).getString() + " (" + status + ")";
    }

    /** @throws IllegalStateException naming {@code what} and the CUDA error unless {@code status} is success */
    static void check(int status, String what) {
        if (status != cudaSuccess) {
            throw new IllegalStateException("CUDA: " + what + " failed: " + error(status));
        }
    }

    /** @throws IllegalStateException naming {@code what} and the driver error unless {@code status} is success */
    static void driverCheck(int status, String what) {
        if (status != CUDA_SUCCESS) {
            BytePointer text = new BytePointer((Pointer) null);
            cuGetErrorString(status, text);
            throw new IllegalStateException("CUDA driver: " + what + " failed: " + (text.isNull() ? "error"
                    : text.getString()) + " (" + status + ")");
        }
    }
}
