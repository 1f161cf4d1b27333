package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;

/**
 * A robustness objective: the AUROC of separating the evaluation samples (positive) from the out-of-distribution
 * samples by the energy score of Liu et al., "Energy-based Out-of-distribution Detection" (NeurIPS 2020): the
 * negative free energy {@code −E(x; T) = T · log Σ_c exp(f_c(x) / T)} of the head's logits {@code f(x)}, higher for
 * in-distribution samples. Maximised. Id {@value #ID}; needs OoD samples. Default {@code T = 1}, the paper's choice.
 *
 * <p>The scores are computed once per evaluation and temperature ({@link EvaluationContext#shared}); the AUROC is
 * the exact one ({@link org.moevoprune.core.metric.OodMetrics#auroc}). Immutable and thread-safe.
 */
public final class EnergyAuroc extends ScoreAuroc {

    /** The provider id. */
    public static final String ID = "energy-auroc";

    /** The settings, also the key of the shared scores. */
    private record Energy(double temperature) {
    }

    private final Energy settings;

    /** The objective with {@code T = 1}. */
    public EnergyAuroc() {
        this(1.0);
    }

    private EnergyAuroc(double temperature) {
        super(ID);
        this.settings = new Energy(temperature);
    }

    /**
     * @param temperature {@code T > 0}, finite
     * @return the objective
     * @throws IllegalArgumentException if the temperature is not positive and finite
     */
    public static EnergyAuroc withTemperature(double temperature) {
        if (!(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("energy temperature must be > 0 and finite, got " + temperature
                    + ": use 1 as Liu et al. do");
        }
        return new EnergyAuroc(temperature);
    }

    /** @return the temperature {@code T} */
    public double temperature() {
        return settings.temperature();
    }

    @Override
    Record settings() {
        return settings;
    }

    @Override
    Scores scores(EvaluationContext context) {
        return new Scores(LogitScores.negativeEnergy(context.evaluationLogits(), settings.temperature()),
                LogitScores.negativeEnergy(context.oodLogits().orElseThrow(), settings.temperature()));
    }
}
