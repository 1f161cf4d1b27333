package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.HeadParameters;
import org.moevoprune.api.Objective;
import org.moevoprune.api.TrainedHead;

/**
 * A complexity objective counting stored weights instead of features: the head's
 * {@link TrainedHead#parameterCount() parameter count} {@code k·H + H·C + C} divided by that of the unpruned head
 * with all {@code F} features, {@code F·H + H·C + C}. Unlike {@link ActiveFraction} it never reaches 0 (the output
 * layer stays), and it weighs a feature by what it costs. Minimised. Id {@value #ID}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterFraction implements Objective {

    /** The provider id. */
    public static final String ID = "parameter-fraction";

    /** Creates the objective; it has no settings. */
    public ParameterFraction() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Direction direction() {
        return Direction.MINIMIZE;
    }

    /**
     * @param context the candidate's evaluation; only its head's shape is read
     * @return the parameter fraction in {@code (0, 1]}
     */
    @Override
    public double evaluate(EvaluationContext context) {
        TrainedHead head = context.head();
        HeadParameters parameters = head.parameters();
        long hidden = parameters.hiddenUnits();
        long classes = parameters.classCount();
        long unpruned = head.featureCount() * hidden + hidden * classes + classes;
        return (double) head.parameterCount() / unpruned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterFraction;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterFraction[minimize]";
    }
}
