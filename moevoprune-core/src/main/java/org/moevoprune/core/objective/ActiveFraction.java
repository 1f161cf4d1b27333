package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;

/**
 * The complexity objective of MO-EvoPruneDeepTL: the share of backbone features the candidate keeps,
 * {@code k / F} ({@code mask.activeCount() / mask.length()}; 0 for a mask of length 0). Minimised. Id
 * {@value #ID}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ActiveFraction implements Objective {

    /** The provider id. */
    public static final String ID = "active-fraction";

    /** Creates the objective; it has no settings. */
    public ActiveFraction() {
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
     * @param context the candidate's evaluation; only its mask is read
     * @return the active fraction in {@code [0, 1]}
     */
    @Override
    public double evaluate(EvaluationContext context) {
        return context.mask().activeFraction();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActiveFraction;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return "ActiveFraction[minimize]";
    }
}
