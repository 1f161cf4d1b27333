package org.moevoprune.core.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.TrainedHead;

/**
 * An ensemble of trained heads that votes by a {@link VotingRule}: the {@link Classifier} every ensemble provider
 * of this package returns.
 *
 * <p>{@link #probabilities} writes the rule's class scores (vote shares for {@link VotingRule#MAJORITY}, mean or
 * weighted mean softmax probabilities otherwise), accumulated in double in member order and rounded once to float;
 * {@link #predict} is their argmax with ties to the smallest class index. Each member runs one forward pass per
 * call.
 *
 * <p>Immutable and thread-safe: the members are immutable heads, the weights are copied, and each call allocates
 * its own buffers.
 */
public final class VotingClassifier implements Classifier {

    private final List<TrainedHead> members;
    private final VotingRule rule;
    private final double[] weights;

    private VotingClassifier(List<TrainedHead> members, VotingRule rule, double[] weights) {
        this.members = members;
        this.rule = rule;
        this.weights = weights;
    }

    /**
     * An unweighted ensemble (every member weighs the same).
     *
     * @param rule the voting rule
     * @param members at least one head, all with the same feature and class counts
     * @return the ensemble
     * @throws IllegalArgumentException if there are no members or their shapes differ
     */
    public static VotingClassifier of(VotingRule rule, List<? extends TrainedHead> members) {
        Objects.requireNonNull(rule, "rule");
        List<TrainedHead> checked = checkMembers(members);
        double[] equal = new double[checked.size()];
        Arrays.fill(equal, 1.0 / checked.size());
        return new VotingClassifier(checked, rule, equal);
    }

    /**
     * A weighted soft vote ({@link VotingRule#WEIGHTED_SOFT}); the weights are normalised to sum 1.
     *
     * @param members at least one head, all with the same feature and class counts
     * @param weights one finite weight ≥ 0 per member, not all 0 (e.g. each member's accuracy)
     * @return the ensemble
     * @throws IllegalArgumentException if there are no members, their shapes differ, or the weights are unusable
     */
    public static VotingClassifier weighted(List<? extends TrainedHead> members, double[] weights) {
        List<TrainedHead> checked = checkMembers(members);
        return new VotingClassifier(checked, VotingRule.WEIGHTED_SOFT, normalised(weights, checked.size()));
    }

    /** @return the members, in voting order (immutable) */
    public List<TrainedHead> members() {
        return members;
    }

    /** @return the voting rule */
    public VotingRule rule() {
        return rule;
    }

    /** @return a copy of the normalised member weights (all {@code 1/M} unless weighted) */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int featureCount() {
        return members.get(0).featureCount();
    }

    @Override
    public int classCount() {
        return members.get(0).classCount();
    }

    /**
     * @throws IllegalStateException if a member produces a non-finite logit
     */
    @Override
    public void probabilities(FeatureMatrix features, float[] out) {
        Objects.requireNonNull(features, "features");
        if (features.columns() != featureCount()) {
            throw new IllegalArgumentException("features have " + features.columns() + " columns but this ensemble "
                    + "reads " + featureCount() + ": pass rows of the backbone its members were trained on");
        }
        Objects.checkFromIndexSize(0, Math.multiplyExact(features.rows(), classCount()), out.length);
        if (features.rows() == 0) {
            return;
        }
        List<MemberOutputs> outputs = new ArrayList<>(members.size());
        for (TrainedHead member : members) {
            outputs.add(MemberOutputs.of(member, features));
        }
        Votes.scores(rule, weights, outputs, out);
    }

    @Override
    public String toString() {
        return "VotingClassifier[" + rule.id() + ", " + members.size() + " members, " + featureCount()
                + " features, " + classCount() + " classes]";
    }

    static List<TrainedHead> checkMembers(List<? extends TrainedHead> members) {
        Objects.requireNonNull(members, "members");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member, got none: pass the heads of "
                    + "the front members to combine");
        }
        List<TrainedHead> copy = new ArrayList<>(members.size());
        for (int m = 0; m < members.size(); m++) {
            TrainedHead head = Objects.requireNonNull(members.get(m), "member " + m);
            TrainedHead first = m == 0 ? head : copy.get(0);
            if (head.featureCount() != first.featureCount() || head.classCount() != first.classCount()) {
                throw new IllegalArgumentException("member " + m + " reads " + head.featureCount() + " features and "
                        + "predicts " + head.classCount() + " classes but member 0 reads " + first.featureCount()
                        + " and predicts " + first.classCount() + ": combine heads trained on the same data");
            }
            copy.add(head);
        }
        return List.copyOf(copy);
    }

    static double[] normalised(double[] weights, int count) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length != count) {
            throw new IllegalArgumentException(weights.length + " weights for " + count + " members: give one "
                    + "weight per member");
        }
        double sum = 0;
        for (int m = 0; m < weights.length; m++) {
            if (!(weights[m] >= 0 && Double.isFinite(weights[m]))) {
                throw new IllegalArgumentException("weight " + m + " is " + weights[m]
                        + ": weights must be finite and ≥ 0 (e.g. each member's accuracy)");
            }
            sum += weights[m];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all weights are 0: give at least one member a positive weight");
        }
        double[] out = new double[count];
        for (int m = 0; m < count; m++) {
            out[m] = weights[m] / sum;
        }
        return out;
    }
}
