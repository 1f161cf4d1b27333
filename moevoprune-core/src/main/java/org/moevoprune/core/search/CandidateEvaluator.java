package org.moevoprune.core.search;

import java.util.List;
import java.util.Objects;
import org.moevoprune.api.FeatureMask;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSettings;
import org.moevoprune.core.result.CostSettings;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.ObjectiveSpace;

/**
 * Where candidates are evaluated: each candidate's head is trained with its seed and its objectives are measured.
 * The search decides what to evaluate (masks, their history indices and training seeds) and an evaluator only does
 * the work, so that a run gives the same numbers wherever the work happens. The search uses a local evaluator (the
 * calling thread, or the pruner's executor); evaluators on other machines or devices implement this interface.
 *
 * <p>Called by the thread that drives a run, once per batch (the initial population, then each step's new
 * offspring). Implementations must return one outcome per candidate in candidate order, whatever order the work
 * finishes in, and must give the same evaluation for the same candidate every time.
 */
@FunctionalInterface
public interface CandidateEvaluator {

    /**
     * @param candidates the candidates, distinct masks, none evaluated before in this run; or the run's unpruned
     *     baseline alone (index and step -1, the mask of all features, which the search may evaluate too)
     * @return one outcome per candidate, in the same order
     * @throws RuntimeException whatever training or an objective throws; the run then stops (resume it from its
     *     checkpoint)
     */
    List<Outcome> evaluate(List<Candidate> candidates);

    /**
     * A mask to evaluate.
     *
     * @param index its position in the run's history, for {@link Evaluation#index()}; -1 for the unpruned baseline
     * @param step the step that produced it, -1 for the initial population and the baseline, for
     *     {@link Evaluation#step()}
     * @param mask the mask
     * @param trainingSeed the seed its head is trained with
     * @param start how its training starts ({@link CostSettings}): {@link Start#COLD} without inheritance or racing
     */
    record Candidate(int index, int step, FeatureMask mask, long trainingSeed, Start start) {

        /** Checks the mask and start are present. */
        public Candidate {
            Objects.requireNonNull(mask, "mask");
            Objects.requireNonNull(start, "start");
        }

        /**
         * A candidate trained cold to the end.
         *
         * @param index its position in the run's history
         * @param step the step that produced it, -1 for the initial population
         * @param mask the mask
         * @param trainingSeed the seed its head is trained with
         */
        public Candidate(int index, int step, FeatureMask mask, long trainingSeed) {
            this(index, step, mask, trainingSeed, Start.COLD);
        }
    }

    /**
     * How a candidate's training starts and may stop: the parent head it inherits from and the accuracy it must
     * reach by the race (see {@link CostSettings}). An evaluator that does not implement them trains cold to the
     * end; the {@link Pruner} only sets them for its local evaluator.
     *
     * @param parent the history index of the parent it inherits from, -1 for none
     * @param parentHead that parent's trained weights, {@code null} for none
     * @param raceBar the accuracy its head must come within the race margin of after the race epochs to train on;
     *     {@code NaN} for no race
     */
    record Start(int parent, HeadParameters parentHead, double raceBar) {

        /** A cold start without a race. */
        public static final Start COLD = new Start(-1, null, Double.NaN);

        /** Checks that a parent index comes with its head. */
        public Start {
            if ((parent >= 0) != (parentHead != null)) {
                throw new IllegalArgumentException("a parent index (" + parent + ") needs the parent's head, and a "
                        + "head needs its index");
            }
        }
    }

    /**
     * An evaluated candidate.
     *
     * @param evaluation its evaluation, with the candidate's index, step, mask and training seed
     * @param head its trained head, or {@code null} when the evaluator does not bring heads back (the run then keeps
     *     none for it, and {@link Retrainer} retrains it identically)
     */
    record Outcome(Evaluation evaluation, TrainedHead head) {

        /** Checks the evaluation is present. */
        public Outcome {
            Objects.requireNonNull(evaluation, "evaluation");
        }
    }

    /**
     * Makes the evaluator of each run, for evaluation elsewhere than in this JVM (e.g. {@code moevoprune-spark});
     * give it to {@link Pruner.Builder#evaluators}. Called by the thread that calls {@link Pruner#run()} or
     * {@link Pruner#runs(int)}, once per run, before the run starts.
     */
    @FunctionalInterface
    interface Factory {

        /**
         * @param setup what the run's candidates are evaluated with
         * @return the run's evaluator
         */
        CandidateEvaluator create(Setup setup);
    }

    /**
     * What a run's evaluator evaluates with: everything the local evaluator uses.
     *
     * @param run the run index
     * @param head the head provider
     * @param data the features
     * @param dataFingerprint {@link SearchData#fingerprint()} of {@code data}, computed once per pruner call
     * @param training how every head is trained
     * @param space the objectives, in the order of every evaluation's values
     * @param folds K: 1 trains each candidate once on {@code data.train()} and measures on
     *     {@code data.evaluation()}; K ≥ 2 measures the fold means of {@link Folds#of Folds.of(data, K, foldSeed)}
     *     and brings no heads back
     * @param foldSeed the seed of the fold partition (unused with one fold)
     */
    record Setup(int run, SparseHead head, SearchData data, long dataFingerprint, TrainingSettings training,
            ObjectiveSpace space, int folds, long foldSeed) {

        /** Checks every component is present and the fold count positive. */
        public Setup {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(space, "space");
            if (folds < 1) {
                throw new IllegalArgumentException("the number of folds must be ≥ 1, got " + folds);
            }
        }

        /**
         * A setup with one fold (train once, measure on the evaluation split).
         *
         * @param run the run index
         * @param head the head provider
         * @param data the features
         * @param dataFingerprint the data's fingerprint
         * @param training how every head is trained
         * @param space the objectives
         */
        public Setup(int run, SparseHead head, SearchData data, long dataFingerprint, TrainingSettings training,
                ObjectiveSpace space) {
            this(run, head, data, dataFingerprint, training, space, 1, 0L);
        }
    }
}
