package org.moevoprune.core.ensemble;

import java.util.List;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.TrainedHead;

/**
 * Soft vote, id {@value #ID}: the mean of the members' softmax probabilities, argmax with ties to the smallest class
 * ({@link VotingRule#SOFT}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class SoftVote implements Ensemble {

    /** The provider id. */
    public static final String ID = "soft";

    /** Creates the provider; it has no settings. */
    public SoftVote() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public VotingClassifier combine(List<? extends TrainedHead> members) {
        return VotingClassifier.of(VotingRule.SOFT, members);
    }

    @Override
    public String toString() {
        return "SoftVote";
    }
}
