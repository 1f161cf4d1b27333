package org.moevoprune.core.export;

import java.util.Arrays;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;

/**
 * A quick measurement of how long a pruned head takes per sample compared with the unpruned head of the same shape
 * (all {@code F} features, random weights: latency does not depend on their values), both run by the same
 * {@link SparseHead} provider on the same rows.
 *
 * <p>Each repetition times one {@link TrainedHead#logits(FeatureMatrix, float[])} call over all rows, pruned and
 * unpruned in alternation after the same number of warm-up calls; the result is the median per row. This is a rough
 * check of a single machine, not a JMH benchmark: JIT state, other load and frequency scaling move it, so never
 * assert on it, and back any claim about speed with a JMH benchmark.
 *
 * <p>Stateless and thread-safe; runs on the calling thread.
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    /**
     * The medians of one measurement.
     *
     * @param prunedNanosPerRow the pruned head's median time per row, in nanoseconds
     * @param unprunedNanosPerRow the unpruned head's median time per row, in nanoseconds
     * @param rows the rows per call
     * @param repeats the timed calls per head
     */
    public record Latency(double prunedNanosPerRow, double unprunedNanosPerRow, int rows, int repeats) {

        /** @return {@code unpruned / pruned}: how many times faster the pruned head ran */
        public double speedup() {
            return unprunedNanosPerRow / prunedNanosPerRow;
        }
    }

    /**
     * @param provider the head provider that runs both heads
     * @param pruned the pruned head's weights
     * @param rows feature rows with {@code F} columns, at least one
     * @param repeats timed calls per head, ≥ 1 (as many warm-up calls precede them)
     * @return the medians
     * @throws IllegalArgumentException if there are no rows, the column count differs from {@code F}, or
     *     {@code repeats < 1}
     */
    public static Latency measure(SparseHead provider, HeadParameters pruned, FeatureMatrix rows, int repeats) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pruned, "pruned");
        Objects.requireNonNull(rows, "rows");
        if (repeats < 1 || rows.rows() < 1) {
            throw new IllegalArgumentException("the benchmark needs at least one row and one repeat, got " + rows.rows()
                    + " rows and " + repeats + " repeats");
        }
        if (rows.columns() != pruned.featureCount()) {
            throw new IllegalArgumentException("rows have " + rows.columns() + " columns but the head reads "
                    + pruned.featureCount() + ": benchmark on features of its backbone");
        }
        TrainingSummary none = new TrainingSummary(0, 0, 0, 0, 0, false, false);
        TrainedHead small = provider.restore(pruned, none);
        HeadParameters full = TrainingRandom.of(0).initialParameters(FeatureMask.all(pruned.featureCount()),
                pruned.hiddenUnits(), pruned.classCount());
        TrainedHead large = provider.restore(full, none);
        float[] out = new float[rows.rows() * pruned.classCount()];
        long[] smallTimes = new long[repeats];
        long[] largeTimes = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            small.logits(rows, out);
            large.logits(rows, out);
        }
        for (int i = 0; i < repeats; i++) {
            smallTimes[i] = time(small, rows, out);
            largeTimes[i] = time(large, rows, out);
        }
        return new Latency(median(smallTimes) / rows.rows(), median(largeTimes) / rows.rows(), rows.rows(), repeats);
    }

    private static long time(TrainedHead head, FeatureMatrix rows, float[] out) {
        long t0 = System.nanoTime();
        head.logits(rows, out);
        return System.nanoTime() - t0;
    }

    private static double median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
