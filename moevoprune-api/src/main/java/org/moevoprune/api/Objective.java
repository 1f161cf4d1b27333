package org.moevoprune.api;

/**
 * One criterion of the search, measured on a candidate's trained head. Values are reported in their natural form
 * (accuracy, active fraction, AUROC), with a {@link #direction()}; the search handles the sign.
 *
 * <p>Implement it to add your own criterion, declare it as a provider of {@code org.moevoprune.api.Objective}
 * ({@code META-INF/services/org.moevoprune.api.Objective} and/or {@code provides … with …}), and name its
 * {@link #id()} when configuring the search. Implementations must be immutable and thread-safe: the search
 * evaluates several candidates concurrently, each with its own {@link EvaluationContext}.
 */
public interface Objective extends Provider {

    /** Whether larger or smaller values are better. */
    enum Direction {
        /** Larger is better (accuracy, AUROC). */
        MAXIMIZE,
        /** Smaller is better (active fraction, parameter count). */
        MINIMIZE
    }

    /** @return whether larger or smaller values are better */
    Direction direction();

    /**
     * Measures the candidate.
     *
     * @param context the candidate's head, data and shared logits
     * @return the value, within {@code [lowerBound(), upperBound()]}
     * @throws IllegalArgumentException if the context lacks what this objective needs
     */
    double evaluate(EvaluationContext context);

    /** @return the least value {@link #evaluate} can return; with {@link #upperBound()} it normalises the
     *     hypervolume */
    default double lowerBound() {
        return 0.0;
    }

    /** @return the greatest value {@link #evaluate} can return */
    default double upperBound() {
        return 1.0;
    }

    /** @return whether this objective needs out-of-distribution samples; the search refuses to start without */
    default boolean needsOod() {
        return false;
    }
}
