package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.metric.OodMetrics;

/**
 * A robustness objective: the share of out-of-distribution samples accepted as in-distribution when the ODIN score
 * threshold keeps 95 % of the evaluation samples ({@link OodMetrics#fprAt95Tpr}, scores from {@link OdinScores}).
 * Minimised. Id {@value #ID}; needs OoD samples.
 *
 * <p>Defaults ({@link #OodFprAt95Tpr()}): {@code T = 1000}, {@code ε = 0}. The ODIN scores are shared with the other
 * OoD objectives of the same settings through {@link EvaluationContext#shared}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OodFprAt95Tpr implements Objective {

    /** The provider id. */
    public static final String ID = "fpr95";

    private final OdinSettings odin;

    /** The objective with the reference ODIN settings, {@code T = 1000} and {@code ε = 0}. */
    public OodFprAt95Tpr() {
        this(OdinSettings.REFERENCE);
    }

    private OodFprAt95Tpr(OdinSettings odin) {
        this.odin = odin;
    }

    /**
     * @param temperature the ODIN temperature {@code T > 0}, finite
     * @param epsilon the ODIN input perturbation {@code ε ≥ 0}, finite (0: none)
     * @return the objective
     * @throws IllegalArgumentException if a value is out of range
     */
    public static OodFprAt95Tpr of(double temperature, double epsilon) {
        return new OodFprAt95Tpr(new OdinSettings(temperature, epsilon));
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
    public String id() {
        return ID;
    }

    @Override
    public Direction direction() {
        return Direction.MINIMIZE;
    }

    @Override
    public boolean needsOod() {
        return true;
    }

    /**
     * @param context the candidate's evaluation, with OoD samples
     * @return the FPR at 95 % TPR in {@code [0, 1]}
     * @throws IllegalArgumentException if the context has no OoD samples, or the evaluation or OoD split is empty
     */
    @Override
    public double evaluate(EvaluationContext context) {
        OdinScoring.Scores scores = OdinScoring.of(context, ID, odin);
        return OodMetrics.fprAt95Tpr(scores.in, scores.ood);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OodFprAt95Tpr that && odin.equals(that.odin);
    }

    @Override
    public int hashCode() {
        return 41 * odin.hashCode() + ID.hashCode();
    }

    @Override
    public String toString() {
        return "OodFprAt95Tpr[minimize, " + odin + "]";
    }
}
