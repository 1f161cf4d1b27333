package org.moevoprune.core.objective;

import java.util.Objects;
import org.moevoprune.api.EvaluationContext;
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
public final class OodAuroc extends OdinObjective {

    /** The provider id. */
    public static final String ID = "auroc";

    /** How the area under the ROC curve is computed. */
    public enum Method {
        /** The exact rank-based AUROC, ties counted half ({@link OodMetrics#auroc}). */
        EXACT,
        /** The reference implementation's 100-threshold grid ({@link OodMetrics#referenceGridAuroc}). */
        REFERENCE_GRID
    }

    private final Method method;

    /** The reference objective: {@code T = 1000}, {@code ε = 0}, {@link Method#EXACT}. */
    public OodAuroc() {
        this(OdinSettings.REFERENCE, Method.EXACT);
    }

    private OodAuroc(OdinSettings odin, Method method) {
        super(ID, Direction.MAXIMIZE, odin);
        this.method = method;
    }

    /** @return a builder starting from the defaults of {@link #OodAuroc()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how the AUROC is computed */
    public Method method() {
        return method;
    }

    /** @return the AUROC in {@code [0, 1]} */
    @Override
    double metric(double[] in, double[] ood) {
        return method == Method.EXACT ? OodMetrics.auroc(in, ood) : OodMetrics.referenceGridAuroc(in, ood);
    }

    @Override
    String variant() {
        return "method=" + method;
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
