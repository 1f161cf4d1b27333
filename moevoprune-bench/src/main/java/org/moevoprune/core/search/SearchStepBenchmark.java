package org.moevoprune.core.search;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.core.result.Hypervolume;
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
 * The NSGA-II bookkeeping of one steady-state step (μ = 30, λ = 2, three objectives, F = 1280): rank and crowding
 * of the population, two binary tournaments, uniform crossover and bit-flip mutation, truncation of μ + λ, and the
 * front's exact hypervolume. Lives in the search package (of the benchmark jar, on the class path) to reach the
 * package-private steps; it shows that this work is negligible next to one head training.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SearchStepBenchmark {

    @Param({"30"})
    public int population;

    private double[][] points;
    private double[][] combined;
    private FeatureMask[] masks;
    private Variation variation;
    private SplittableRandom random;

    @Setup
    public void setUp() {
        random = new SplittableRandom(1);
        points = new double[population][];
        combined = new double[population + 2][];
        masks = new FeatureMask[population];
        for (int i = 0; i < population + 2; i++) {
            double acc = random.nextDouble();
            combined[i] = new double[] {acc, random.nextDouble(), 1 - acc * random.nextDouble()};
            if (i < population) {
                points[i] = combined[i];
                masks[i] = Variation.randomDensity(1280, random);
            }
        }
        variation = new Variation(0.5, 1.0 / 1280);
    }

    @Benchmark
    public Object step() {
        double[][] rc = Selection.rankAndCrowding(points);
        int a = Selection.tournament(random, rc[0], rc[1]);
        int b = Selection.tournament(random, rc[0], rc[1]);
        FeatureMask[] children = variation.crossover(masks[a], masks[b], random);
        FeatureMask first = variation.mutate(children[0], random);
        FeatureMask second = variation.mutate(children[1], random);
        int[] kept = Selection.truncate(combined, population);
        double volume = Hypervolume.normalised(points);
        return new Object[] {first, second, kept, volume};
    }
}
