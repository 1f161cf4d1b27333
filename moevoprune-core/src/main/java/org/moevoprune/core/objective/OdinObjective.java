package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;

/**
 * What the OoD objectives share: the ODIN settings, the shared scores of the evaluation (positive) and OoD rows,
 * and value equality. A subclass names itself and turns the two score arrays into its metric. Immutable.
 */
abstract class OdinObjective implements Objective {

    private final String id;
    private final Direction direction;
    final OdinSettings odin;

    OdinObjective(String id, Direction direction, OdinSettings odin) {
        this.id = id;
        this.direction = direction;
        this.odin = odin;
    }

    /** @return the ODIN temperature {@code T} */
    public double temperature() {
        return odin.temperature();
    }

    /** @return the ODIN input perturbation {@code ε} (0: none) */
    public double epsilon() {
        return odin.epsilon();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Direction direction() {
        return direction;
    }

    @Override
    public final boolean needsOod() {
        return true;
    }

    /**
     * @param context the candidate's evaluation, with OoD samples
     * @return the metric of the ODIN scores
     * @throws IllegalArgumentException if the context has no OoD samples, or the evaluation or OoD split is empty
     */
    @Override
    public final double evaluate(EvaluationContext context) {
        OdinScoring.Scores scores = OdinScoring.of(context, id, odin);
        return metric(scores.in, scores.ood);
    }

    /**
     * @param in scores of the evaluation rows (the positive class); shared, must not be modified
     * @param ood scores of the OoD rows; shared, must not be modified
     * @return the objective's value
     */
    abstract double metric(double[] in, double[] ood);

    /** @return what distinguishes objectives of the same class and ODIN settings ({@code ""} if nothing) */
    String variant() {
        return "";
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && odin.equals(((OdinObjective) other).odin)
                && variant().equals(((OdinObjective) other).variant());
    }

    @Override
    public final int hashCode() {
        return 31 * (31 * id.hashCode() + odin.hashCode()) + variant().hashCode();
    }

    @Override
    public final String toString() {
        String extra = variant().isEmpty() ? "" : ", " + variant();
        return getClass().getSimpleName() + "[" + direction.name().toLowerCase(java.util.Locale.ROOT) + ", " + odin
                + extra + "]";
    }
}
