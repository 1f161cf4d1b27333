package org.moevoprune.nd4j;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.moevoprune.api.Provider.Availability;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The once-per-JVM start of ND4J: native libraries unpacked and loaded, backend chosen, thread counts applied, one
 * matrix product run. Started lazily by the first caller (never from a static initialiser) and remembered, whether
 * it worked or not, so that a failed start is reported the same way every time without being retried.
 */
final class Nd4jRuntime {

    /** System property with the thread count of ND4J's element-wise ops and of OpenBLAS, e.g. {@code 2}. */
    static final String THREADS_PROPERTY = "moevoprune.nd4j.threads";

    /** Threads per training run unless {@value #THREADS_PROPERTY} says otherwise. */
    static final int DEFAULT_THREADS = 1;

    private static final System.Logger LOG = System.getLogger(Nd4jSparseHead.class.getName());
    private static final String AVX2_BINARY = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-avx2/"
            + "libjnind4jcpu.so";
    private static final String FIX = "Fix: add org.nd4j:nd4j-native:1.0.0-M2.1 with the classifier of this "
            + "platform (e.g. linux-x86_64-avx2, linux-x86_64, macosx-arm64, windows-x86_64; moevoprune-nd4j brings "
            + "ND4J's Java classes only) and org.bytedeco:openblas:0.3.19-1.5.7 with its platform classifier to the "
            + "class path, make ~/.javacpp writable (or set -Dorg.bytedeco.javacpp.cachedir), or use the pure-Java "
            + "head instead (org.moevoprune:moevoprune-core, -Dmoevoprune.SparseHead=java).";

    private static volatile Start start;

    private Nd4jRuntime() {
    }

    /** How the start went. */
    record Start(Availability availability, Duration duration, int threads, String description) {
    }

    /** @return the outcome of the start, starting ND4J first if nobody has yet */
    static Start start() {
        Start s = start;
        if (s == null) {
            synchronized (Nd4jRuntime.class) {
                s = start;
                if (s == null) {
                    s = begin();
                    start = s;
                }
            }
        }
        return s;
    }

    /**
     * @return the outcome of a successful start
     * @throws IllegalStateException if ND4J cannot run here; the message says why and how to fix it
     */
    static Start require() {
        Start s = start();
        if (!s.availability().available()) {
            throw new IllegalStateException(s.availability().reason());
        }
        return s;
    }

    private static Start begin() {
        long t0 = System.nanoTime();
        Optional<String> cpuProblem = missingCpuFeatures();
        if (cpuProblem.isPresent()) {
            return failed(t0, cpuProblem.get());
        }
        try {
            int threads = applyThreads();
            INDArray a = Nd4j.create(DataType.FLOAT, 2, 2);
            INDArray product = Nd4j.create(DataType.FLOAT, 2, 2);
            Nd4j.gemm(a, a, product, false, true, 1.0, 0.0);
            a.close();
            product.close();
            Duration duration = Duration.ofNanos(System.nanoTime() - t0);
            String description = describe();
            LOG.log(Level.DEBUG, () -> "ND4J started in " + duration.toMillis() + " ms: " + description);
            if (threads > 1 && System.getenv("OMP_WAIT_POLICY") == null) {
                LOG.log(Level.INFO, "ND4J runs " + threads + " threads without OMP_WAIT_POLICY: spinning OpenMP "
                        + "threads can starve OpenBLAS on small machines; export OMP_WAIT_POLICY=PASSIVE before the "
                        + "JVM starts (measured 1.5-2x faster on 2 cores), or leave -D" + THREADS_PROPERTY + " at 1");
            }
            return new Start(Availability.AVAILABLE, duration, threads, description);
        } catch (Exception | LinkageError e) {
            return failed(t0, "the ND4J native backend could not start (" + e + "). " + FIX);
        }
    }

    private static Start failed(long t0, String reason) {
        LOG.log(Level.DEBUG, () -> "ND4J unavailable: " + reason);
        return new Start(Availability.unavailable(reason), Duration.ofNanos(System.nanoTime() - t0), 0, reason);
    }

    /**
     * Sets the thread counts of ND4J's ops and of OpenBLAS, process-wide, to {@value #THREADS_PROPERTY} or else
     * {@value #DEFAULT_THREADS} (ND4J's thread pool itself only grows, so fewer threads are set through its
     * master-thread limit). One thread is the default because on the 2-core machine this was measured on it was as
     * fast as two for a batch-32 step, and two candidates trained side by side on one thread each gave about twice
     * the throughput, while two threads each collapsed from oversubscription.
     *
     * @return the larger of the two counts in force
     */
    private static int applyThreads() {
        int threads = threadCount(System.getProperty(THREADS_PROPERTY));
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        return Math.max(Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads());
    }

    /**
     * @param value the value of {@value #THREADS_PROPERTY}, or {@code null} when it is not set
     * @return the thread count it asks for, {@value #DEFAULT_THREADS} when unset or blank
     * @throws IllegalArgumentException if the value is not an integer ≥ 1
     */
    static int threadCount(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THREADS;
        }
        int threads;
        try {
            threads = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + value + " is not a thread count: give"
                    + " an integer ≥ 1 (default " + DEFAULT_THREADS + ")");
        }
        return threads;
    }

    private static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().maxMasterThreads()
                + " op thread(s), " + Nd4j.factory().blas().getMaxThreads() + " OpenBLAS thread(s), OMP_WAIT_POLICY="
                + Objects.toString(System.getenv("OMP_WAIT_POLICY"), "(unset)");
    }

    /**
     * The AVX2 build of libnd4j dies with an illegal instruction (or exits the JVM) on a CPU without AVX2/FMA, so
     * the CPU is checked before loading it, from {@code /proc/cpuinfo}. Nothing is checked when that build is not
     * the one on the class path or the CPU flags cannot be read.
     */
    private static Optional<String> missingCpuFeatures() {
        if (Nd4jRuntime.class.getClassLoader().getResource(AVX2_BINARY) == null) {
            return Optional.empty();
        }
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            Optional<String> flags = lines.filter(l -> l.toLowerCase(Locale.ROOT).startsWith("flags")).findFirst();
            if (flags.isEmpty()) {
                return Optional.empty();
            }
            String padded = " " + flags.get().toLowerCase(Locale.ROOT).replace('\t', ' ') + " ";
            if (padded.contains(" avx2 ") && padded.contains(" fma ")) {
                return Optional.empty();
            }
            return Optional.of("this CPU lacks AVX2/FMA but the class path holds the linux-x86_64-avx2 build of "
                    + "ND4J. Fix: replace org.nd4j:nd4j-native:linux-x86_64-avx2 by "
                    + "org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64 (generic), or use the pure-Java head "
                    + "(-Dmoevoprune.SparseHead=java).");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
