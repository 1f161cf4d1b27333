package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;
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
public final class OodFprAt95Tpr extends OdinObjective {

    /** The provider id. */
    public static final String ID = "fpr95";

    /** The objective with the reference ODIN settings, {@code T = 1000} and {@code ε = 0}. */
    public OodFprAt95Tpr() {
        this(OdinSettings.REFERENCE);
    }

    private OodFprAt95Tpr(OdinSettings odin) {
        super(ID, Direction.MINIMIZE, odin);
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

    /** @return the false-positive rate at 95 % true-positive rate, in {@code [0, 1]} */
    @Override
    double metric(double[] in, double[] ood) {
        return OodMetrics.fprAt95Tpr(in, ood);
    }
}
