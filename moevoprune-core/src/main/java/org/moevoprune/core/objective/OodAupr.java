package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.metric.OodMetrics;

/**
 * A robustness objective: the area under the precision–recall curve (average precision,
 * {@link OodMetrics#aupr}) of detecting the evaluation samples (positive) among the out-of-distribution samples by
 * their ODIN score ({@link OdinScores}). Maximised. Id {@value #ID}; needs OoD samples.
 *
 * <p>Defaults ({@link #OodAupr()}): {@code T = 1000}, {@code ε = 0}. The ODIN scores are shared with the other OoD
 * objectives of the same settings through {@link EvaluationContext#shared}.
 *
 * <p>Immutable and thread-safe.
 */
public final class OodAupr implements Objective {

    /** The provider id. */
    public static final String ID = "aupr";

    private final OdinSettings odin;

    /** The objective with the reference ODIN settings, {@code T = 1000} and {@code ε = 0}. */
    public OodAupr() {
        this(OdinSettings.REFERENCE);
    }

    private OodAupr(OdinSettings odin) {
        this.odin = odin;
    }

    /**
     * @param temperature the ODIN temperature {@code T > 0}, finite
     * @param epsilon the ODIN input perturbation {@code ε ≥ 0}, finite (0: none)
     * @return the objective
     * @throws IllegalArgumentException if a value is out of range
     */
    public static OodAupr of(double temperature, double epsilon) {
        return new OodAupr(new OdinSettings(temperature, epsilon));
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
        return Direction.MAXIMIZE;
    }

    @Override
    public boolean needsOod() {
        return true;
    }

    /**
     * @param context the candidate's evaluation, with OoD samples
     * @return the average precision in {@code (0, 1]}
     * @throws IllegalArgumentException if the context has no OoD samples, or the evaluation or OoD split is empty
     */
    @Override
    public double evaluate(EvaluationContext context) {
        OdinScoring.Scores scores = OdinScoring.of(context, ID, odin);
        return OodMetrics.aupr(scores.in, scores.ood);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OodAupr that && odin.equals(that.odin);
    }

    @Override
    public int hashCode() {
        return 37 * odin.hashCode() + ID.hashCode();
    }

    @Override
    public String toString() {
        return "OodAupr[maximize, " + odin + "]";
    }
}
