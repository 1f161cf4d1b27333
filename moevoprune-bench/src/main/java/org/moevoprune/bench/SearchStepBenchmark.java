package org.moevoprune.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.Objective;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.objective.Objectives;
import org.moevoprune.core.result.PruningResult;
import org.moevoprune.core.search.Pruner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's own cost per steady-state step (μ = 30, λ = 2, three objectives, F = 1280), measured through the
 * public API: a whole {@link Pruner} run of {@value #STEPS} steps whose evaluations cost nothing (a head that does
 * not train, objectives computed from the mask alone; cache hits count, so every run has exactly {@value #STEPS}
 * steps). What remains is the search itself — rank and crowding of the population, tournaments, uniform crossover
 * and bit-flip mutation of 1280-bit masks, the evaluation cache, truncation of μ + λ — and the initial population
 * amortised over the steps. It shows that this work is negligible next to one head training
 * ({@link FitnessBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SearchStepBenchmark {

    /** Steps per measured run. */
    static final int STEPS = 100;
    private static final int FEATURES = 1280;

    @Param({"30"})
    public int population;

    private Pruner pruner;

    @Setup
    public void setUp() {
        LabelledFeatures data = BenchData.labelled(4, FEATURES, 2, 1);
        pruner = Pruner.builder().data(data, data, null).head(new FreeHead())
                .objectives(List.of(new MaskValue("even-share", 0), Objectives.byIds("active-fraction").get(0),
                        new MaskValue("odd-share", 1)))
                .training(TrainingSettings.builder().hiddenUnits(1).build())
                .populationSize(population).evaluations(population + 2 * STEPS).countCacheHits(true).seed(1).build();
    }

    /** @return a run of {@value #STEPS} steps; the score is per step */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public PruningResult step() {
        return pruner.run();
    }

    /** A head provider that does not train: its heads only know their mask. */
    static final class FreeHead implements SparseHead {
        private static final TrainingSummary NONE = new TrainingSummary(0, 0, 0, 0, 0, false, false);

        @Override
        public String id() {
            return "free";
        }

        @Override
        public TrainedHead train(LabelledFeatures train, FeatureMask mask, TrainingSettings settings, long seed) {
            return new MaskOnly(mask, train.classCount());
        }

        @Override
        public TrainedHead restore(HeadParameters parameters, TrainingSummary summary) {
            return new MaskOnly(parameters.mask(), parameters.classCount());
        }

        private record MaskOnly(FeatureMask mask, int classCount) implements TrainedHead {
            @Override
            public HeadParameters parameters() {
                throw new UnsupportedOperationException("a free head has no weights");
            }

            @Override
            public TrainingSummary summary() {
                return NONE;
            }

            @Override
            public String provider() {
                return "free";
            }

            @Override
            public void logits(FeatureMatrix features, float[] out) {
                throw new UnsupportedOperationException("a free head computes nothing");
            }
        }
    }

    /** The share of the features of one parity (even or odd indices) that a mask keeps, maximised. */
    private record MaskValue(String id, int parity) implements Objective {
        @Override
        public Direction direction() {
            return Direction.MAXIMIZE;
        }

        @Override
        public double evaluate(EvaluationContext context) {
            FeatureMask mask = context.mask();
            int kept = 0;
            for (int i = 0; i < mask.activeCount(); i++) {
                kept += mask.activeIndex(i) % 2 == parity ? 1 : 0;
            }
            return 2.0 * kept / mask.length();
        }
    }
}
