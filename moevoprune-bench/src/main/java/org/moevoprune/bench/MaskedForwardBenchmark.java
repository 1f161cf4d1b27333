package org.moevoprune.bench;

import java.util.concurrent.TimeUnit;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
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
 * The hot path of every evaluation: logits of a batch through a masked head. {@code compacted} multiplies only the
 * {@code k} active columns ({@code 2·rows·k·H} flops); {@code dense-masked} is the reference's formulation, all
 * {@code F} columns against hidden weights whose inactive rows are zero ({@code 2·rows·F·H} flops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MaskedForwardBenchmark {

    static final int HIDDEN = 512;
    static final int CLASSES = 10;
    static final TrainingSummary UNTRAINED = new TrainingSummary(0, 0, 0, 0, 0, false, false);

    @Param({"1280", "2048"})
    public int features;

    @Param({"0.1", "0.25", "0.5", "1.0"})
    public double density;

    @Param({"32", "256", "6000"})
    public int rows;

    @Param({"compacted", "dense-masked"})
    public String form;

    @Param({"java", "nd4j"})
    public String provider;

    private TrainedHead head;
    private FeatureMatrix x;
    private float[] out;

    @Setup
    public void setUp() {
        SparseHead sparseHead = BenchData.provider(provider);
        FeatureMask mask = BenchData.mask(features, density);
        HeadParameters p = TrainingRandom.of(1).initialParameters(mask, HIDDEN, CLASSES);
        head = sparseHead.restore(form.equals("compacted") ? p : dense(p), UNTRAINED);
        x = BenchData.features(rows, features, 2);
        out = new float[rows * CLASSES];
    }

    /** The same head with all {@code F} inputs and zero rows for the inactive ones. */
    static HeadParameters dense(HeadParameters p) {
        int f = p.featureCount();
        float[] hidden = new float[f * p.hiddenUnits()];
        float[] compact = p.hiddenWeights();
        for (int i = 0; i < p.activeCount(); i++) {
            System.arraycopy(compact, i * p.hiddenUnits(), hidden, p.mask().activeIndex(i) * p.hiddenUnits(),
                    p.hiddenUnits());
        }
        return HeadParameters.copyOf(FeatureMask.all(f), p.hiddenUnits(), p.classCount(), hidden,
                p.outputWeights(), p.outputBias());
    }

    @Benchmark
    public float[] logits() {
        head.logits(x, out);
        return out;
    }

    /** @return the multiply-add work of one call, counted as 2 flops each */
    static double flops(int rows, int features, double density, String form) {
        int k = form.equals("compacted") ? BenchData.mask(features, density).activeCount() : features;
        return 2.0 * rows * ((double) k * HIDDEN + (double) HIDDEN * CLASSES);
    }
}
