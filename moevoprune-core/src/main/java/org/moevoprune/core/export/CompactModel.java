package org.moevoprune.core.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.moevoprune.api.Classifier;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.SparseHead;
import org.moevoprune.api.TrainedHead;
import org.moevoprune.api.TrainingSummary;
import org.moevoprune.core.ensemble.VotingClassifier;
import org.moevoprune.core.ensemble.VotingRule;
import org.moevoprune.core.head.JavaSparseHead;
import org.moevoprune.core.result.Provenance;

/**
 * The content of a compact model file ({@link CompactModels}): one head, or the members of an ensemble with their
 * voting rule and weights, each with its weights, training summary and the objective values recorded at export.
 * Turn it into a working classifier with {@link #classifier()}; no search or training data are needed.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompactModel {

    /**
     * One stored head.
     *
     * @param parameters its weights (the mask holds the active feature indices)
     * @param training how it was trained
     * @param provider the id of the provider that trained it
     * @param objectives objective values recorded at export (e.g. {@code accuracy}); may be empty
     */
    public record Member(HeadParameters parameters, TrainingSummary training, String provider,
            Map<String, Double> objectives) {

        /** Copies the objective map. */
        public Member {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(provider, "provider");
            objectives = Map.copyOf(objectives);
        }
    }

    private final List<Member> members;
    private final VotingRule rule;
    private final double[] weights;
    private final Provenance provenance;

    CompactModel(List<Member> members, VotingRule rule, double[] weights, Provenance provenance) {
        this.members = List.copyOf(members);
        this.rule = rule;
        this.weights = weights.clone();
        this.provenance = provenance;
    }

    /** @return where and with what the model was made; empty for files of format version 1 */
    public Optional<Provenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    /** @return the stored heads: one, or the ensemble's members in voting order */
    public List<Member> members() {
        return members;
    }

    /** @return the voting rule of an ensemble, or empty for a single head */
    public Optional<VotingRule> rule() {
        return Optional.ofNullable(rule);
    }

    /** @return whether the file holds an ensemble (a rule and one or more members) */
    public boolean isEnsemble() {
        return rule != null;
    }

    /** @return a copy of the normalised member weights (all {@code 1/M} unless weighted) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the number of input features {@code F} of every member */
    public int featureCount() {
        return members.get(0).parameters().featureCount();
    }

    /** @return the number of classes {@code C} */
    public int classCount() {
        return members.get(0).parameters().classCount();
    }

    /** @return the classifier with the pure-Java head ({@link JavaSparseHead}) */
    public Classifier classifier() {
        return classifier(new JavaSparseHead());
    }

    /**
     * @param provider the head provider that runs the stored weights ({@link SparseHead#restore})
     * @return the single head, or the {@link VotingClassifier} of the members
     */
    public Classifier classifier(SparseHead provider) {
        Objects.requireNonNull(provider, "provider");
        if (rule == null) {
            return head(0, provider);
        }
        List<TrainedHead> heads = members.stream().map(m -> provider.restore(m.parameters(), m.training())).toList();
        return rule == VotingRule.WEIGHTED_SOFT ? VotingClassifier.weighted(heads, weights)
                : VotingClassifier.of(rule, heads);
    }

    /**
     * @param member a member index
     * @param provider the head provider that runs the stored weights
     * @return that member as a trained head
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public TrainedHead head(int member, SparseHead provider) {
        Member m = members.get(Objects.checkIndex(member, members.size()));
        return provider.restore(m.parameters(), m.training());
    }

    @Override
    public String toString() {
        return "CompactModel[" + (rule == null ? "head" : rule.id() + " ensemble") + ", " + members.size()
                + " member(s), " + featureCount() + " features, " + classCount() + " classes]";
    }
}
