package org.moevoprune.core.ensemble;

import java.util.List;
import org.moevoprune.api.Ensemble;
import org.moevoprune.api.TrainedHead;

/**
 * The reference ensemble of MO-EvoPruneDeepTL, id {@value #ID}: hard majority vote of the members' predicted
 * classes, ties to the smallest class index ({@link VotingRule#MAJORITY}).
 *
 * <p>Stateless and thread-safe; found by {@link java.util.ServiceLoader}.
 */
public final class MajorityVote implements Ensemble {

    /** The provider id. */
    public static final String ID = "majority";

    /** Creates the provider; it has no settings. */
    public MajorityVote() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public VotingClassifier combine(List<? extends TrainedHead> members) {
        return VotingClassifier.of(VotingRule.MAJORITY, members);
    }

    @Override
    public String toString() {
        return "MajorityVote";
    }
}
