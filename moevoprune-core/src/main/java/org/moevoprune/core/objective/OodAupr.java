package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
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
public final class OodAupr extends OdinObjective {

    /** The provider id. */
    public static final String ID = "aupr";

    /** The objective with the reference ODIN settings, {@code T = 1000} and {@code ε = 0}. */
    public OodAupr() {
        this(OdinSettings.REFERENCE);
    }

    private OodAupr(OdinSettings odin) {
        super(ID, Direction.MAXIMIZE, odin);
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

    /** @return the average precision in {@code (0, 1]} */
    @Override
    double metric(double[] in, double[] ood) {
        return OodMetrics.aupr(in, ood);
    }
}
