package org.moevoprune.core.objective;

import org.moevoprune.api.EvaluationContext;

/**
 * A robustness objective: the AUROC of separating the evaluation samples (positive) from the out-of-distribution
 * samples by the maximum logit of Hendrycks et al., "Scaling Out-of-Distribution Detection for Real-World Settings"
 * (ICML 2022): {@code max_c f_c(x)} of the head's logits, higher for in-distribution samples. Maximised. Id
 * {@value #ID}; needs OoD samples; no settings.
 *
 * <p>The scores are computed once per evaluation ({@link EvaluationContext#shared}); the AUROC is the exact one.
 * Immutable and thread-safe.
 */
public final class MaxLogitAuroc extends ScoreAuroc {

    /** The provider id. */
    public static final String ID = "max-logit-auroc";

    /** The (empty) settings, also the key of the shared scores. */
    private record MaxLogit() {
    }

    private static final MaxLogit SETTINGS = new MaxLogit();

    /** Creates the objective; it has no settings. */
    public MaxLogitAuroc() {
        super(ID);
    }

    @Override
    Record settings() {
        return SETTINGS;
    }

    @Override
    Scores scores(EvaluationContext context) {
        return new Scores(LogitScores.maxLogit(context.evaluationLogits()),
                LogitScores.maxLogit(context.oodLogits().orElseThrow()));
    }
}
