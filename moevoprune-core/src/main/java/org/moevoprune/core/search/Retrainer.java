package org.moevoprune.core.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.result.Evaluation;
import org.moevoprune.core.result.PruningResult;

/**
 * Gives the trained head of any evaluation of a run: the one the run kept (its final population) or, for any other,
 * a fresh training of the evaluation's mask with its training seed and the run's training settings — which gives
 * the identical head on the same provider and machine ({@link SparseHead}'s contract). Works for results read from
 * files too, given the same training split. Get one from {@link Pruner#retrainer()} or {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Retrainer {

    private final SparseHead head;
    private final LabelledFeatures train;

    private Retrainer(SparseHead head, LabelledFeatures train) {
        this.head = Objects.requireNonNull(head, "head");
        this.train = Objects.requireNonNull(train, "train");
    }

    /**
     * @param head the provider the run trained with
     * @param train the training split the run trained on
     * @return the retrainer
     */
    public static Retrainer of(SparseHead head, LabelledFeatures train) {
        return new Retrainer(head, train);
    }

    /**
     * @param run the run that made the evaluation
     * @param evaluation one of its evaluations
     * @return the head the run kept for it, or one trained afresh with its seed
     * @throws IllegalArgumentException if the evaluation is not in the run's history or its mask does not fit the
     *     training split
     */
    public TrainedHead head(PruningResult run, Evaluation evaluation) {
        requireMember(run, evaluation);
        return run.keptHead(evaluation).orElseGet(() -> train(run, evaluation));
    }

    /**
     * @param run the run that made the evaluation
     * @param evaluation one of its evaluations
     * @return a head trained afresh with the evaluation's mask and seed and the run's training settings
     * @throws IllegalArgumentException if the evaluation is not in the run's history or its mask does not fit the
     *     training split
     */
    public TrainedHead retrain(PruningResult run, Evaluation evaluation) {
        requireMember(run, evaluation);
        return train(run, evaluation);
    }

    /**
     * @param run a run
     * @return the head of its unpruned baseline: the one the run kept or one trained afresh with the baseline's
     *     seed; empty when the run has no baseline
     */
    public Optional<TrainedHead> baselineHead(PruningResult run) {
        Objects.requireNonNull(run, "run");
        return run.baseline().map(b -> run.baselineHead().orElseGet(() -> train(run, b)));
    }

    /**
     * The head source of several runs, for ensembles: a member's head comes from the run whose history holds that
     * very evaluation (so the members of a {@link PruningResult#superFront super front} find their heads), kept or
     * retrained; a run's {@link PruningResult#baseline() baseline} finds its head too.
     *
     * @param runs the runs the members came from
     * @return the head of each member
     * @throws IllegalArgumentException (when applied) if no run holds the evaluation
     */
    public Function<Evaluation, TrainedHead> heads(List<PruningResult> runs) {
        List<PruningResult> copy = List.copyOf(runs);
        return e -> {
            for (PruningResult r : copy) {
                for (Evaluation h : r.history()) {
                    if (h == e) {
                        return r.keptHead(e).orElseGet(() -> train(r, e));
                    }
                }
                if (r.baseline().orElse(null) == e) {
                    return baselineHead(r).orElseThrow();
                }
            }
            throw new IllegalArgumentException(e + " belongs to none of the " + copy.size() + " runs given: pass "
                    + "the runs its front came from");
        };
    }

    private TrainedHead train(PruningResult run, Evaluation e) {
        return head.train(train, e.mask(), run.settings().training(), e.trainingSeed());
    }

    private static void requireMember(PruningResult run, Evaluation e) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(e, "evaluation");
        List<Evaluation> history = run.history();
        if (e.index() < 0 || e.index() >= history.size() || !history.get(e.index()).sameOutcome(e)) {
            throw new IllegalArgumentException(e + " is not in the history of run " + run.run() + ": retrain it with "
                    + "the run that made it");
        }
    }

    @Override
    public String toString() {
        return "Retrainer[" + head.id() + ", " + train.size() + " training rows]";
    }
}
