package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.ProviderRegistry;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.core.result.Evaluation;

/**
 * Factory of ensembles of front members: the voting rules, member selection, and the helpers that connect them to
 * search results.
 *
 * <pre>{@code
 * List<PruningResult> runs = pruner.runs(3);
 * List<Evaluation> front = PruningResult.superFront(runs).members();
 * Function<Evaluation, TrainedHead> heads = pruner.retrainer().heads(runs);   // kept or retrained
 * Classifier vote = Ensembles.combine(VotingRule.MAJORITY, front, heads);
 * EnsembleComparison table = EnsembleComparison.builder(front, heads)
 *         .scoredOn(evaluation, "evaluation split").ood(ood).build();
 * }</pre>
 */
public final class Ensembles {

    private Ensembles() {
    }

    /** @return the reference ensemble: hard majority vote, ties to the smallest class */
    public static Ensemble majorityVote() {
        return new MajorityVote();
    }

    /** @return the soft vote: mean softmax probabilities */
    public static Ensemble softVote() {
        return new SoftVote();
    }

    /**
     * @param weights one weight ≥ 0 per member, in member order, not all 0
     * @return the weighted soft vote with these weights
     * @throws IllegalArgumentException if the weights are unusable
     */
    public static Ensemble weightedSoftVote(double... weights) {
        return WeightedSoftVote.withWeights(weights);
    }

    /**
     * @return every ensemble provider on the class path (the three of this package: {@code majority}, {@code soft},
     *     {@code weighted-soft}, and any plugin)
     */
    public static ProviderRegistry<Ensemble> registry() {
        return ProviderRegistry.load(Ensemble.class);
    }

    /**
     * Combines front members by a rule; {@link VotingRule#WEIGHTED_SOFT} weighs each member by its evaluation
     * accuracy ({@link #weightedByAccuracy}).
     *
     * @param rule the voting rule
     * @param members the members, at least one
     * @param heads gives each member's head, e.g. {@code pruner.retrainer().heads(runs)}
     * @return the ensemble
     * @throws IllegalArgumentException if there are no members or their heads differ in shape
     */
    public static VotingClassifier combine(VotingRule rule, List<Evaluation> members,
            Function<? super Evaluation, ? extends TrainedHead> heads) {
        Objects.requireNonNull(rule, "rule");
        if (rule == VotingRule.WEIGHTED_SOFT) {
            return weightedByAccuracy(members, heads, "accuracy");
        }
        return VotingClassifier.of(rule, headsOf(members, heads));
    }

    /**
     * The weighted soft vote with each member's weight its value of the accuracy objective, as the search measured
     * it on the evaluation split.
     *
     * @param members the members, at least one
     * @param heads gives each member's head
     * @param accuracyId the id of the accuracy objective (usually {@code "accuracy"})
     * @return the ensemble
     * @throws IllegalArgumentException if a member lacks that objective, or all accuracies are 0
     */
    public static VotingClassifier weightedByAccuracy(List<Evaluation> members,
            Function<? super Evaluation, ? extends TrainedHead> heads, String accuracyId) {
        double[] weights = new double[members.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = members.get(i).value(accuracyId);
        }
        return VotingClassifier.weighted(headsOf(members, heads), weights);
    }

    /**
     * The members of a pool inside a percentile window of one objective.
     *
     * @param window the window
     * @param pool the pool, at least one member
     * @param objectiveId the objective whose values are windowed, e.g. {@code "accuracy"}
     * @return the members inside the window, in pool order
     * @throws IllegalArgumentException if the pool is empty or a member lacks the objective
     */
    public static List<Evaluation> inWindow(PercentileWindow window, List<Evaluation> pool, String objectiveId) {
        double[] values = pool.stream().mapToDouble(e -> e.value(objectiveId)).toArray();
        List<Evaluation> out = new ArrayList<>();
        for (int i : window.select(values)) {
            out.add(pool.get(i));
        }
        return out;
    }

    /**
     * Two disjoint halves of a split, for fitting a selection on one and scoring on the other: the even rows
     * (0, 2, 4, …) and the odd rows.
     *
     * @param split a split of at least two rows
     * @return the halves
     * @throws IllegalArgumentException if the split has fewer than two rows
     */
    public static Halves halves(LabelledFeatures split) {
        if (split.size() < 2) {
            throw new IllegalArgumentException("cannot halve a split of " + split.size() + " rows: need at least 2");
        }
        return new Halves(split.selectRows(IntStream.range(0, split.size()).filter(i -> i % 2 == 0).toArray()),
                split.selectRows(IntStream.range(0, split.size()).filter(i -> i % 2 == 1).toArray()));
    }

    /**
     * Two disjoint halves of a split.
     *
     * @param even the even rows
     * @param odd the odd rows
     */
    public record Halves(LabelledFeatures even, LabelledFeatures odd) {

        /** Checks the halves are present. */
        public Halves {
            Objects.requireNonNull(even, "even");
            Objects.requireNonNull(odd, "odd");
        }
    }

    private static List<TrainedHead> headsOf(List<Evaluation> members,
            Function<? super Evaluation, ? extends TrainedHead> heads) {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(heads, "heads");
        List<TrainedHead> out = new ArrayList<>(members.size());
        for (Evaluation e : members) {
            out.add(Objects.requireNonNull(heads.apply(e), () -> "no head for " + e));
        }
        return out;
    }
}
