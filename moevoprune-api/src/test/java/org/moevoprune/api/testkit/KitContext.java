package org.moevoprune.api.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.FeatureMatrix;
import org.moevoprune.api.LabelledFeatures;
import org.moevoprune.api.TrainedHead;

/**
 * A plain {@link EvaluationContext} for the test kits, written against the api alone: logits computed on first use
 * and kept, shared values memoised per key. One evaluation, one thread, as the contract says.
 */
public final class KitContext implements EvaluationContext {

    private final TrainedHead head;
    private final LabelledFeatures evaluation;
    private final FeatureMatrix ood;
    private final Map<Object, Object> shared = new HashMap<>();
    private FeatureMatrix evaluationLogits;
    private FeatureMatrix oodLogits;

    /**
     * @param head the candidate's head
     * @param evaluation the labelled split, {@code head.featureCount()} columns
     * @param oodOrNull out-of-distribution rows, or {@code null} for a run without them
     */
    public KitContext(TrainedHead head, LabelledFeatures evaluation, FeatureMatrix oodOrNull) {
        this.head = Objects.requireNonNull(head, "head");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.ood = oodOrNull;
    }

    @Override
    public TrainedHead head() {
        return head;
    }

    @Override
    public LabelledFeatures evaluation() {
        return evaluation;
    }

    @Override
    public Optional<FeatureMatrix> ood() {
        return Optional.ofNullable(ood);
    }

    @Override
    public FeatureMatrix evaluationLogits() {
        if (evaluationLogits == null) {
            evaluationLogits = head.logits(evaluation.features());
        }
        return evaluationLogits;
    }

    @Override
    public Optional<FeatureMatrix> oodLogits() {
        if (ood != null && oodLogits == null) {
            oodLogits = head.logits(ood);
        }
        return Optional.ofNullable(oodLogits);
    }

    @Override
    public <T> T shared(Object key, Function<? super EvaluationContext, ? extends T> compute) {
        Objects.requireNonNull(key, "key");
        @SuppressWarnings("unchecked")
        T value = (T) shared.get(key);
        if (value == null) {
            value = Objects.requireNonNull(compute.apply(this), "a shared value must not be null");
            shared.put(key, value);
        }
        return value;
    }
}
