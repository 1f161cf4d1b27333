package org.moevoprune.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.Objective;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.api.backend.TrainingRandom;
import org.moevoprune.core.objective.EvaluationContexts;

/**
 * k-fold fitness (docs/METHOD.md §3): the training split dealt into K stratified, seeded folds
 * ({@link Splits#stratifiedFolds}); a candidate's objective values are the mean over the folds of (train a head on the
 * other K − 1 folds with seed {@code derive(trainingSeed, fold)}, measure on the held-out fold and the whole OoD pool),
 * summed in fold order and divided by K, so every evaluator gives bit-identical values. The local evaluator and
 * {@code moevoprune-spark}'s executors both measure through this class. Immutable and thread-safe.
 */
public final class Folds {

    private final List<SearchData> folds;

    private Folds(List<SearchData> folds) {
        this.folds = List.copyOf(folds);
    }

    /**
     * @param data the search's data; its training split is dealt into folds, its OoD pool is used by every fold
     * @param count K ≥ 2
     * @param seed the partition's seed
     * @return the folds
     * @throws IllegalArgumentException if the training split has fewer samples than folds
     */
    public static Folds of(SearchData data, int count, long seed) {
        int[][] parts = Splits.stratifiedFolds(data.train().labels(), count, seed);
        List<SearchData> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int held = f;
            int[] rest = IntStream.range(0, count).filter(g -> g != held).flatMap(g -> IntStream.of(parts[g]))
                    .sorted().toArray();
            out.add(new SearchData(data.train().selectRows(rest), data.train().selectRows(parts[f]), data.ood()));
        }
        return new Folds(out);
    }

    /** @return K */
    public int count() {
        return folds.size();
    }

    /**
     * @param fold a fold index
     * @return that fold as search data: the other folds to train on, the fold to measure on, the OoD pool
     */
    public SearchData fold(int fold) {
        return folds.get(Objects.checkIndex(fold, folds.size()));
    }

    /**
     * @param trainingSeed a candidate's training seed
     * @param fold a fold index
     * @return the seed its head on that fold is trained with
     */
    public static long seedOf(long trainingSeed, int fold) {
        return TrainingRandom.derive(trainingSeed, fold);
    }

    /**
     * Trains and measures one candidate on every fold.
     *
     * @param head the head provider
     * @param mask the candidate
     * @param training how each head is trained
     * @param trainingSeed the candidate's training seed
     * @param objectives the objectives, in result order
     * @return the fold means and the training summary (see {@link Measured#training()})
     */
    public Measured measure(SparseHead head, FeatureMask mask, TrainingSettings training, long trainingSeed,
            List<? extends Objective> objectives) {
        double[] sums = new double[objectives.size()];
        TrainingSummary first = null;
        long updates = 0;
        boolean allStopped = true;
        boolean anyDiverged = false;
        for (int f = 0; f < folds.size(); f++) {
            SearchData d = folds.get(f);
            TrainedHead trained = head.train(d.train(), mask, training, seedOf(trainingSeed, f));
            EvaluationContext context = EvaluationContexts.of(trained, d.train(), d.evaluation(), d.ood());
            for (int i = 0; i < sums.length; i++) {
                sums[i] += objectives.get(i).evaluate(context);
            }
            TrainingSummary s = trained.summary();
            first = first == null ? s : first;
            updates += s.updates();
            allStopped &= s.stoppedEarly();
            anyDiverged |= s.diverged();
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= folds.size();
        }
        return new Measured(sums, new TrainingSummary(first.epochs(), updates, first.bestEpoch(), first.bestLoss(),
                first.finalLoss(), allStopped, anyDiverged));
    }

    /** The fold means of one candidate and a summary of its K trainings. */
    public static final class Measured {
        private final double[] values;
        private final TrainingSummary training;

        Measured(double[] values, TrainingSummary training) {
            this.values = values.clone();
            this.training = training;
        }

        /** @return a copy of the mean objective values, in objective order */
        public double[] values() {
            return values.clone();
        }

        /**
         * @return fold 0's training summary, except updates (summed over the folds), stopped early (all folds) and
         *     diverged (any fold)
         */
        public TrainingSummary training() {
            return training;
        }
    }
}
