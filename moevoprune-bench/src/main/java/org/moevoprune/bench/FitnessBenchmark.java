package org.moevoprune.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.objective.EvaluationContexts;
import org.moevoprune.core.objective.Objectives;
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
 * One whole fitness evaluation as the search runs it: train a fresh head for {@code epochs} epochs on N = 6000
 * rows (F = 1280, C = 10, batch 32, early stopping off so the work is fixed), then accuracy on 1000 evaluation rows,
 * the active fraction, and the ODIN AUROC against 1000 OoD rows. {@code moevoprune-bench/scripts/torch_fitness.py}
 * times the same work with a PyTorch head.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FitnessBenchmark {

    @Param({"5"})
    public int epochs;

    @Param({"0.25", "0.5", "1.0"})
    public double density;

    @Param({"java", "nd4j"})
    public String provider;

    private SparseHead head;
    private LabelledFeatures train;
    private LabelledFeatures evaluation;
    private FeatureMatrix ood;
    private FeatureMask mask;
    private TrainingSettings settings;
    private List<Objective> objectives;

    @Setup
    public void setUp() {
        head = BenchData.provider(provider);
        train = BenchData.labelled(6000, 1280, 10, 4);
        evaluation = BenchData.labelled(1000, 1280, 10, 5);
        ood = BenchData.features(1000, 1280, 6);
        mask = BenchData.mask(1280, density);
        settings = TrainingSettings.builder().maxEpochs(epochs).earlyStopping(false).build();
        objectives = Objectives.defaults();
    }

    @Benchmark
    public double[] evaluate() {
        TrainedHead trained = head.train(train, mask, settings, 11);
        EvaluationContext context = EvaluationContexts.of(trained, evaluation, ood);
        double[] values = new double[objectives.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = objectives.get(i).evaluate(context);
        }
        return values;
    }
}
