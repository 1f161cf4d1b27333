package org.moevoprune.nd4j;

import org.moevoprune.api.PopulationHead;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GPU head, id {@value #ID}, priority {@value #PRIORITY}: the population-batched head of {@link Nd4jBatchedHead}
 * on ND4J's CUDA backend, where one batched product per step for the whole population keeps the device busy
 * (one batch-32 head at a time is launch-bound). Available only when ND4J runs on CUDA (build or run with the root
 * pom's {@code cuda} profile, {@code org.nd4j:nd4j-cuda-11.6}); elsewhere {@link #availability()} says so and the
 * registry skips it.
 *
 * <p><b>Unverified on a GPU:</b> no GPU was available where this was built; {@code scripts/gpu-verify-nd4j.sh} runs the
 * contract suite and the benchmark on one. Stateless and thread-safe.
 */
public final class Nd4jGpuHead extends AbstractPopulationHead {

    /** The provider id. */
    public static final String ID = "gpu";

    /** The rank of this provider: above every CPU head, so a CUDA build prefers it. */
    public static final int PRIORITY = 200;

    /** The provider as {@link java.util.ServiceLoader} creates it; cheap, starts nothing native. */
    public Nd4jGpuHead() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Starts ND4J if nobody has yet in this JVM and reports whether it runs on CUDA. Never throws.
     *
     * @return available, or why not and how to fix it
     */
    @Override
    public Availability availability() {
        Availability started = Nd4jRuntime.start().availability();
        if (!started.available()) {
            return cudaOnClassPath() ? Availability.unavailable(cudaFailed(started.reason())) : started;
        }
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        return isCuda(backend) ? Availability.AVAILABLE : Availability.unavailable(notCuda(backend));
    }

    @Override
    void requireBackend() {
        Availability started = Nd4jRuntime.start().availability();
        if (!started.available()) {
            throw new IllegalStateException(cudaOnClassPath() ? cudaFailed(started.reason()) : started.reason());
        }
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        if (!isCuda(backend)) {
            throw new IllegalStateException(notCuda(backend));
        }
    }

    /** ND4J's CUDA backend class is {@code JCublasBackend}. */
    static boolean isCuda(String backend) {
        return backend.startsWith("JCublas");
    }

    /** Whether ND4J's CUDA backend classes are on the class path (looked up without initialising them). */
    static boolean cudaOnClassPath() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, Nd4jGpuHead.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static String cudaFailed(String reason) {
        return "ND4J's CUDA backend could not start: it needs an NVIDIA GPU of compute capability 3.7 to 8.6 (its "
                + "binaries carry no code for newer GPUs such as the H100, sm_90), the driver, and the CUDA 11.6 "
                + "libraries (installed, or -Pcuda,cuda-redist); scripts/gpu-verify-nd4j.sh checks each. On newer "
                + "GPUs use the 'cublas' head (moevoprune-cuda, CUDA 13). Cause: "
                + reason;
    }

    static String notCuda(String backend) {
        return "the 'gpu' head needs ND4J's CUDA backend but ND4J runs on " + backend + ": build or run with the "
                + "cuda profile (mvn -Pcuda, org.nd4j:nd4j-cuda-11.6 with its linux-x86_64 binary) on a machine "
                + "with an NVIDIA GPU and driver (scripts/gpu-verify-nd4j.sh checks all of it), or use the 'batched' "
                + "head for the same population path on the CPU";
    }
}
