package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.metric.Classification;

/**
 * The accuracy objective of MO-EvoPruneDeepTL: the share of evaluation samples whose argmax logit (ties to the
 * smallest class) is the true class. Maximised. Id {@value #ID}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Accuracy implements Objective {

    /** The provider id. */
    public static final String ID = "accuracy";

    /** Creates the objective; it has no settings. */
    public Accuracy() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Direction direction() {
        return Direction.MAXIMIZE;
    }

    /**
     * @param context the candidate's evaluation; its shared evaluation logits are used
     * @return the accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if the evaluation split is empty
     */
    @Override
    public double evaluate(EvaluationContext context) {
        int[] predicted = Classification.argmaxRows(context.evaluationLogits());
        return Classification.accuracy(predicted, context.evaluation().labels());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Accuracy;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return "Accuracy[maximize]";
    }
}
