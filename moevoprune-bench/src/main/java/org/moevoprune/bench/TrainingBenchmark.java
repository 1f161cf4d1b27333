package org.moevoprune.bench;

import java.util.concurrent.TimeUnit;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training epoch of a candidate's head (N = 6000, F = 1280, C = 10, H = 512): forward, backward and
 * Nesterov update over every batch. Its cost should follow the density: the compacted layer is {@code k × 512}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingBenchmark {

    static final int ROWS = 6000;
    static final int FEATURES = 1280;

    @Param({"0.1", "0.25", "0.5", "1.0"})
    public double density;

    @Param({"32", "256"})
    public int batch;

    @Param({"java", "nd4j"})
    public String provider;

    private SparseHead head;
    private LabelledFeatures train;
    private FeatureMask mask;
    private TrainingSettings oneEpoch;

    @Setup
    public void setUp() {
        head = BenchData.provider(provider);
        train = BenchData.labelled(ROWS, FEATURES, 10, 3);
        mask = BenchData.mask(FEATURES, density);
        oneEpoch = TrainingSettings.builder().maxEpochs(1).batchSize(batch).earlyStopping(false).build();
    }

    @Benchmark
    public TrainedHead epoch() {
        return head.train(train, mask, oneEpoch, 7);
    }

    /** @return flops of one epoch: forward and weight gradient of both layers, 2 per multiply-add */
    static double flops(double density, int batch) {
        int k = BenchData.mask(FEATURES, density).activeCount();
        return 4.0 * ROWS * k * 512 + 6.0 * ROWS * 512 * 10;
    }
}
