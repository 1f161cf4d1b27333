package org.moevoprune.core.objective;

import java.util.Objects;
import org.moevoprune.api.EvaluationContext;
import org.moevoprune.api.Objective;
import org.moevoprune.core.metric.OdinScores;
import org.moevoprune.core.metric.OodMetrics;

/**
 * The robustness objective of MO-EvoPruneDeepTL: the AUROC of separating the evaluation samples (positive) from the
 * out-of-distribution samples by their ODIN score, the maximum softmax of {@code logits / T} after an optional input
 * perturbation {@code ε} (see {@link OdinScores}). Maximised. Id {@value #ID}; needs OoD samples.
 *
 * <p>Defaults ({@link #OodAuroc()}): {@code T = 1000} and {@code ε = 0} as in the reference, and the
 * {@link Method#EXACT exact} AUROC; choose {@link Method#REFERENCE_GRID} to reproduce the reference's numbers.
 * The ODIN scores are shared through {@link EvaluationContext#shared} with {@link OodAupr} and
 * {@link OodFprAt95Tpr} objectives of the same temperature and ε, so they are computed once per evaluation.
 *
 * <p>Immutable and thread-safe.
 */
public final class OodAuroc implements Objective {

    /** The provider id. */
    public static final String ID = "auroc";

    /** How the area under the ROC curve is computed. */
    public enum Method {
        /** The exact rank-based AUROC, ties counted half ({@link OodMetrics#auroc}). */
        EXACT,
        /** The reference implementation's 100-threshold grid ({@link OodMetrics#referenceGridAuroc}). */
        REFERENCE_GRID
    }

    private final OdinSettings odin;
    private final Method method;

    /** The reference objective: {@code T = 1000}, {@code ε = 0}, {@link Method#EXACT}. */
    public OodAuroc() {
        this(OdinSettings.REFERENCE, Method.EXACT);
    }

    private OodAuroc(OdinSettings odin, Method method) {
        this.odin = odin;
        this.method = method;
    }

    /** @return a builder starting from the defaults of {@link #OodAuroc()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ODIN temperature {@code T} */
    public double temperature() {
        return odin.temperature();
    }

    /** @return the ODIN input perturbation {@code ε} (0: none) */
    public double epsilon() {
        return odin.epsilon();
    }

    /** @return how the AUROC is computed */
    public Method method() {
        return method;
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
     * @return the AUROC in {@code [0, 1]}
     * @throws IllegalArgumentException if the context has no OoD samples, or the evaluation or OoD split is empty
     */
    @Override
    public double evaluate(EvaluationContext context) {
        OdinScoring.Scores scores = OdinScoring.of(context, ID, odin);
        return method == Method.EXACT
                ? OodMetrics.auroc(scores.in, scores.ood)
                : OodMetrics.referenceGridAuroc(scores.in, scores.ood);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OodAuroc that && odin.equals(that.odin) && method == that.method;
    }

    @Override
    public int hashCode() {
        return 31 * odin.hashCode() + method.hashCode();
    }

    @Override
    public String toString() {
        return "OodAuroc[maximize, " + odin + ", method=" + method + "]";
    }

    /** Assembles an {@link OodAuroc}; each setter validates its value. Not thread-safe. */
    public static final class Builder {
        private double temperature = OdinSettings.REFERENCE.temperature();
        private double epsilon = OdinSettings.REFERENCE.epsilon();
        private Method method = Method.EXACT;

        private Builder() {
        }

        /**
         * @param value the ODIN temperature {@code T > 0}, finite (reference 1000)
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder temperature(double value) {
            temperature = OdinSettings.checkTemperature(value);
            return this;
        }

        /**
         * @param value the ODIN input perturbation {@code ε ≥ 0}, finite (reference 0: none)
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder epsilon(double value) {
            epsilon = OdinSettings.checkEpsilon(value);
            return this;
        }

        /**
         * @param value how the AUROC is computed (default {@link Method#EXACT})
         * @return this builder
         * @throws NullPointerException if the value is null
         */
        public Builder method(Method value) {
            method = Objects.requireNonNull(value, "method");
            return this;
        }

        /** @return the objective */
        public OodAuroc build() {
            return new OodAuroc(new OdinSettings(temperature, epsilon), method);
        }
    }
}
