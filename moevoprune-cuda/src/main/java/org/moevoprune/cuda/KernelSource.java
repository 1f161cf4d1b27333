package org.moevoprune.cuda;

import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetErrorString;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.util.List;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The four elementwise kernels of {@link CudaKernels}, as CUDA C compiled at run time by NVRTC into machine code
 * (a cubin) for the device's own compute capability, so no CUDA compiler is needed where the library is built and
 * no PTX has to be compiled by the driver. Each kernel is the loop body of the same step in {@link HostKernels}
 * (compiled with {@code --fmad=false}, so its float arithmetic rounds as Java's does): a grid-stride loop over all
 * members' elements, one launch per step for the whole population.
 */
final class KernelSource {

    /** The kernels in the order {@link CudaRuntime} looks them up. */
    static final List<String> NAMES = List.of("gather_rows", "relu", "relu_backward", "momentum");

    /** The CUDA C source. */
    static final String SOURCE = """
            // The row gather of every member's batch with its inactive columns zeroed: x is members x batch x f.
            extern "C" __global__ void gather_rows(const float* __restrict__ all, const int* __restrict__ rows,
                    const float* __restrict__ masks, float* __restrict__ x, long long total, int batch, int f) {
                for (long long e = blockIdx.x * (long long) blockDim.x + threadIdx.x; e < total;
                        e += (long long) gridDim.x * blockDim.x) {
                    long long j = e % f;
                    long long memberRow = e / f;
                    long long member = memberRow / batch;
                    x[e] = all[(long long) rows[memberRow] * f + j] * masks[member * f + j];
                }
            }

            // v < 0 ? 0 : v, so that NaN passes through as in Java.
            extern "C" __global__ void relu(float* __restrict__ a, long long total) {
                for (long long e = blockIdx.x * (long long) blockDim.x + threadIdx.x; e < total;
                        e += (long long) gridDim.x * blockDim.x) {
                    float v = a[e];
                    a[e] = v < 0.0f ? 0.0f : v;
                }
            }

            // The ReLU's derivative applied to the back-propagated gradient: dz where the activation is positive.
            extern "C" __global__ void relu_backward(const float* __restrict__ act, float* __restrict__ dz,
                    long long total) {
                for (long long e = blockIdx.x * (long long) blockDim.x + threadIdx.x; e < total;
                        e += (long long) gridDim.x * blockDim.x) {
                    dz[e] = act[e] > 0.0f ? dz[e] : 0.0f;
                }
            }

            // v = mu v - lr g; w += v, or w += mu v - lr g (Nesterov).
            extern "C" __global__ void momentum(float* __restrict__ w, float* __restrict__ v,
                    const float* __restrict__ g, long long total, float lr, float mu, int nesterov) {
                for (long long e = blockIdx.x * (long long) blockDim.x + threadIdx.x; e < total;
                        e += (long long) gridDim.x * blockDim.x) {
                    float step = g[e];
                    float vel = mu * v[e] - lr * step;
                    v[e] = vel;
                    w[e] += nesterov ? mu * vel - lr * step : vel;
                }
            }
            """;

    private KernelSource() {
    }

    /**
     * Compiles {@link #SOURCE} for {@code sm_<major><minor>}.
     *
     * @return the cubin
     * @throws IllegalStateException with NVRTC's log if compilation fails
     */
    static byte[] compile(int major, int minor) {
        String arch = "--gpu-architecture=sm_" + major + minor;
        _nvrtcProgram program = new _nvrtcProgram();
        nvrtc(nvrtcCreateProgram(program, new BytePointer(SOURCE), new BytePointer("moevoprune_kernels.cu"), 0,
                (PointerPointer<?>) null, (PointerPointer<?>) null), "nvrtcCreateProgram");
        try {
            int status = nvrtcCompileProgram(program, 3, new PointerPointer<>(arch, "--fmad=false", "-std=c++17"));
            if (status != NVRTC_SUCCESS) {
                throw new IllegalStateException("NVRTC could not compile the kernels for " + arch + ": "
                        + nvrtcGetErrorString(status).getString() + ": " + log(program));
            }
            SizeTPointer size = new SizeTPointer(1);
            nvrtc(nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
            byte[] cubin = new byte[(int) size.get()];
            nvrtc(nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN");
            return cubin;
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    private static String log(_nvrtcProgram program) {
        SizeTPointer size = new SizeTPointer(1);
        if (nvrtcGetProgramLogSize(program, size) != NVRTC_SUCCESS) {
            return "(no log)";
        }
        byte[] text = new byte[(int) size.get()];
        nvrtcGetProgramLog(program, text);
        return new String(text, 0, Math.max(0, text.length - 1), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
    }

    private static void nvrtc(int status, String what) {
        if (status != NVRTC_SUCCESS) {
            throw new IllegalStateException("NVRTC: " + what + " failed: " + nvrtcGetErrorString(status).getString());
        }
    }
}
