package org.moevoprune.core.objective;

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
 * Factory of {@link EvaluationContext}s: one per evaluated candidate, sharing its logits and derived values between
 * the objectives of that evaluation.
 */
public final class EvaluationContexts {

    private EvaluationContexts() {
    }

    /**
     * A context over a trained head and its data. The logits of the evaluation split and of the OoD samples are
     * computed on first request with {@link TrainedHead#logits(FeatureMatrix)}, once; {@link
     * EvaluationContext#shared shared} values are memoised by key in a {@link HashMap}. The context is therefore
     * <b>not thread-safe</b>: use it from one thread at a time (each concurrent evaluation has its own context).
     *
     * @param head the candidate's trained head
     * @param evaluation the labelled split the objectives are measured on
     * @param oodOrNull the out-of-distribution samples, or {@code null} when the run has none (OoD objectives then
     *     refuse to evaluate)
     * @return the context
     * @throws NullPointerException if {@code head} or {@code evaluation} is null
     * @throws IllegalArgumentException if the feature count of the evaluation split or of the OoD samples differs
     *     from {@code head.featureCount()}, or if the evaluation split's class count differs from the head's
     */
    public static EvaluationContext of(TrainedHead head, LabelledFeatures evaluation, FeatureMatrix oodOrNull) {
        return of(head, null, evaluation, oodOrNull);
    }

    /**
     * A context that also holds the training split, for objectives that model the in-distribution data
     * ({@link MahalanobisAuroc}, {@link KnnAuroc}); otherwise as {@link #of(TrainedHead, LabelledFeatures,
     * FeatureMatrix)}.
     *
     * @param head the candidate's trained head
     * @param trainingOrNull the training split the head learnt from, or {@code null}
     * @param evaluation the labelled split the objectives are measured on
     * @param oodOrNull the out-of-distribution samples, or {@code null}
     * @return the context
     * @throws NullPointerException if {@code head} or {@code evaluation} is null
     * @throws IllegalArgumentException if a split's feature count differs from {@code head.featureCount()}, or the
     *     evaluation or training split's class count differs from the head's
     */
    public static EvaluationContext of(TrainedHead head, LabelledFeatures trainingOrNull, LabelledFeatures evaluation,
            FeatureMatrix oodOrNull) {
        Objects.requireNonNull(head, "head");
        if (trainingOrNull != null) {
            requireColumns("training split", trainingOrNull.featureCount(), head);
            if (trainingOrNull.classCount() != head.classCount()) {
                throw new IllegalArgumentException("the training split has " + trainingOrNull.classCount()
                        + " classes but the head has " + head.classCount() + " outputs: give the split the head was "
                        + "trained on");
            }
        }
        Objects.requireNonNull(evaluation, "evaluation");
        requireColumns("evaluation split", evaluation.featureCount(), head);
        if (oodOrNull != null) {
            requireColumns("OoD samples", oodOrNull.columns(), head);
        }
        if (evaluation.classCount() != head.classCount()) {
            throw new IllegalArgumentException("the evaluation split has " + evaluation.classCount()
                    + " classes but the head has " + head.classCount() + " outputs: evaluate on labels of the data"
                    + " set the head was trained on");
        }
        return new Context(head, trainingOrNull, evaluation, oodOrNull);
    }

    private static void requireColumns(String what, int columns, TrainedHead head) {
        if (columns != head.featureCount()) {
            throw new IllegalArgumentException("the " + what + " have " + columns + " features but the head reads "
                    + head.featureCount() + " (its mask's length): use features of the backbone the mask was built"
                    + " for");
        }
    }

    /** The memoising context; one per evaluation, used by one thread at a time. */
    private static final class Context implements EvaluationContext {
        private final TrainedHead head;
        private final LabelledFeatures training;
        private final LabelledFeatures evaluation;
        private final FeatureMatrix ood;
        private final Map<Object, Object> shared = new HashMap<>();
        private FeatureMatrix evaluationLogits;
        private FeatureMatrix oodLogits;

        Context(TrainedHead head, LabelledFeatures training, LabelledFeatures evaluation, FeatureMatrix ood) {
            this.head = head;
            this.training = training;
            this.evaluation = evaluation;
            this.ood = ood;
        }

        @Override
        public TrainedHead head() {
            return head;
        }

        @Override
        public Optional<LabelledFeatures> training() {
            return Optional.ofNullable(training);
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

        /**
         * {@inheritDoc}
         *
         * @throws NullPointerException if the key or the computed value is null
         */
        @Override
        public <T> T shared(Object key, Function<? super EvaluationContext, ? extends T> compute) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(compute, "compute");
            Object value = shared.get(key);
            if (value == null) {
                // Not computeIfAbsent: a computation may itself ask for other shared values.
                value = Objects.requireNonNull(compute.apply(this), () -> "shared value for key " + key
                        + " was computed as null: return a non-null value");
                shared.put(key, value);
            }
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            return typed;
        }

        @Override
        public String toString() {
            return "EvaluationContext[" + head.mask() + ", " + evaluation.size() + " evaluation rows, "
                    + (ood == null ? "no OoD" : ood.rows() + " OoD rows") + "]";
        }
    }
}
