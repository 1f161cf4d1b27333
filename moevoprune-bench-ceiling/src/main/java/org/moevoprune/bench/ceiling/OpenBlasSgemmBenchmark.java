package org.moevoprune.bench.ceiling;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_full;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's SGEMM ceiling: {@code C = A·B} for {@code n × n} single-precision matrices through a current
 * OpenBLAS ({@code cblas_sgemm}, row-major), {@code 2n³} flops, on {@code threads} threads. The setup prints the
 * OpenBLAS kernel in use ({@code openblas_get_corename}): a DYNAMIC_ARCH build obeys {@code OPENBLAS_CORETYPE}, so
 * an inherited {@code OPENBLAS_CORETYPE=Haswell} halves it on an AVX-512 machine; run with the variable unset, and
 * with {@code SkylakeX} or {@code Cooperlake}, and take the best.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpenBlasSgemmBenchmark {

    @Param({"2048"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    private FloatPointer a;
    private FloatPointer b;
    private FloatPointer c;

    @Setup
    public void setUp() {
        openblas_full.openblas_set_num_threads(threads);
        SplittableRandom random = new SplittableRandom(1);
        a = filled(random);
        b = filled(random);
        c = new FloatPointer((long) n * n);
        System.out.println("OpenBLAS " + openblas_full.openblas_get_config().getString() + ", kernel "
                + openblas_full.openblas_get_corename().getString() + ", threads "
                + openblas_full.openblas_get_num_threads()
                + ", OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
    }

    private FloatPointer filled(SplittableRandom random) {
        float[] values = new float[n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return new FloatPointer(values);
    }

    @TearDown
    public void tearDown() {
        a.close();
        b.close();
        c.close();
    }

    @Benchmark
    public FloatPointer sgemm() {
        openblas_full.cblas_sgemm(openblas_full.CblasRowMajor, openblas_full.CblasNoTrans,
                openblas_full.CblasNoTrans, n, n, n, 1f, a, n, b, n, 0f, c, n);
        return c;
    }
}
