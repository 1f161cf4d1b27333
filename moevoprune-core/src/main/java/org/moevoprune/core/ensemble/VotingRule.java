package org.moevoprune.core.ensemble;

/**
 * How a {@link VotingClassifier} turns its members' outputs into class scores.
 */
public enum VotingRule {

    /**
     * Hard majority vote: every member votes for its predicted class (argmax of its logits, ties to the smallest
     * class); the class scores are the vote shares and the prediction is the class with most votes, <b>ties to the
     * smallest class index</b> (the reference's rule).
     */
    MAJORITY("majority"),

    /** Soft vote: the class scores are the mean of the members' softmax probabilities; argmax, ties to the smallest. */
    SOFT("soft"),

    /**
     * Weighted soft vote: the class scores are {@code Σ w_m·p_m / Σ w_m} over the members' softmax probabilities
     * {@code p_m}; argmax, ties to the smallest class.
     */
    WEIGHTED_SOFT("weighted-soft");

    private final String id;

    VotingRule(String id) {
        this.id = id;
    }

    /** @return the provider id of the rule ({@code majority}, {@code soft}, {@code weighted-soft}) */
    public String id() {
        return id;
    }

    /**
     * @param id a provider id
     * @return the rule with that id
     * @throws IllegalArgumentException if there is none; the message lists the ids
     */
    public static VotingRule ofId(String id) {
        for (VotingRule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown voting rule '" + id + "': use majority, soft or weighted-soft");
    }
}
