package org.moevoprune.api;

import java.util.Optional;
import java.util.function.Function;

/**
 * Everything an {@link Objective} may look at for one candidate: its trained head, the evaluation split, the
 * out-of-distribution samples, and their logits, computed once and shared between all objectives of the
 * evaluation.
 *
 * <p>A context belongs to one evaluation and is used by one thread at a time; it is not thread-safe.
 */
public interface EvaluationContext {

    /** @return the head trained for the candidate */
    TrainedHead head();

    /** @return the candidate */
    default FeatureMask mask() {
        return head().mask();
    }

    /** @return the labelled split the objectives are measured on */
    LabelledFeatures evaluation();

    /**
     * The training split the head learnt from: for objectives that model the in-distribution data themselves, such as
     * Mahalanobis or nearest-neighbour OoD scores. Contexts made without it (the default) return empty; the search
     * gives it.
     *
     * @return the training split, if the context has it
     */
    default Optional<LabelledFeatures> training() {
        return Optional.empty();
    }

    /** @return the out-of-distribution samples, if the run has any */
    Optional<FeatureMatrix> ood();

    /** @return the head's logits of {@link #evaluation()}, {@code rows × C}; computed on first use, then shared */
    FeatureMatrix evaluationLogits();

    /** @return the head's logits of {@link #ood()}, computed on first use, then shared; empty without OoD data */
    Optional<FeatureMatrix> oodLogits();

    /**
     * A value derived from this context, computed on first request and shared with every later request for the same
     * key in this evaluation (e.g. ODIN scores used by several objectives).
     *
     * <p>{@code compute} may itself call {@code shared} for other keys (not for its own key), and must not return
     * null.
     *
     * @param key identifies the value; compared with {@code equals}
     * @param compute computes the value from this context
     * @param <T> the value's type
     * @return the value
     */
    <T> T shared(Object key, Function<? super EvaluationContext, ? extends T> compute);
}
