package org.moevoprune.core.ensemble;

import java.util.List;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.TrainedHead;

/**
 * Weighted soft vote, id {@value #ID}: {@code Σ w_m·p_m / Σ w_m} over the members' softmax probabilities
 * ({@link VotingRule#WEIGHTED_SOFT}).
 *
 * <p>The weights belong to the members, which {@link #combine} alone does not know: configure them with
 * {@link #withWeights(double...)}, or let {@link Ensembles#weightedByAccuracy} take each member's evaluation
 * accuracy. The instance {@link java.util.ServiceLoader} creates has no weights and weighs every member the same,
 * which makes it the {@link SoftVote}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WeightedSoftVote implements Ensemble {

    /** The provider id. */
    public static final String ID = "weighted-soft";

    private final double[] weights;

    /** The provider as {@link java.util.ServiceLoader} creates it: equal weights. */
    public WeightedSoftVote() {
        this.weights = null;
    }

    private WeightedSoftVote(double[] weights) {
        this.weights = weights;
    }

    /**
     * @param weights one finite weight ≥ 0 per member, in member order, not all 0
     * @return a provider that combines exactly {@code weights.length} members with these weights
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
     */
    public static WeightedSoftVote withWeights(double... weights) {
        return new WeightedSoftVote(VotingClassifier.normalised(weights, weights.length));
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * @throws IllegalArgumentException if there are no members, their shapes differ, or the member count differs
     *     from the number of configured weights
     */
    @Override
    public VotingClassifier combine(List<? extends TrainedHead> members) {
        if (weights == null) {
            double[] equal = new double[VotingClassifier.checkMembers(members).size()];
            java.util.Arrays.fill(equal, 1.0);
            return VotingClassifier.weighted(members, equal);
        }
        return VotingClassifier.weighted(members, weights);
    }

    @Override
    public String toString() {
        return "WeightedSoftVote[" + (weights == null ? "equal weights" : weights.length + " weights") + "]";
    }
}
